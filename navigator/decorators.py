from django.views.decorators.cache import cache_control

# Answers travel in the URL: no browser or shared cache may keep a copy of the page.
no_store = cache_control(no_store=True)
