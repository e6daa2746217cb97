from django.urls import path

from . import views

app_name = "signposting"

urlpatterns = [
    path("signposting/", views.choose, name="choose"),
    path("signposting/<slug:borough>/poster/", views.poster, name="poster"),
    path("signposting/<slug:borough>/cards/", views.cards, name="cards"),
    path("signposting/<slug:borough>/waiting-room/", views.waiting_room, name="waiting_room"),
    path("signposting/<slug:borough>/qr-code.svg", views.qr_code_svg, name="qr_code_svg"),
    path("signposting/<slug:borough>/qr-code.png", views.qr_code_png, name="qr_code_png"),
    path("go/<slug:borough>/", views.go, name="go"),
]
