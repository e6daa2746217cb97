"""The admin site: Django's, with a second factor (settings.FINDHELP_ADMIN_2FA).

Signing in takes two steps. The password step (Django's admin sign-in form, counted by
django-axes) does not sign in: it remembers who gave the right password and sends them to the
code step, which asks for a code from their authenticator app (a django-otp TOTP device), or,
the first time, sets one up. Only a right code signs in, marking the session verified; the
site, like django-otp's OTPAdminSite, lets in only staff whose session is verified.

It is the default site (`admin.site`, directory.apps.FindHelpAdminConfig), so every
`@admin.register` registers here. It lives outside directory/admin/ so that making it does
not import the ModelAdmins, which register on it (and so does its sign-in, admin_sign_in.py).
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from . import admin_sign_in
from .admin_sign_in import PasswordStepView


class FindHelpAdminSite(admin.AdminSite):
    site_header = f"{settings.FINDHELP_SERVICE_NAME} admin"
    site_title = f"{settings.FINDHELP_SERVICE_NAME} admin"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.FINDHELP_ADMIN_2FA or request.user.is_verified()

    def get_urls(self):
        return [
            path("login/code/", self.admin_site_view(admin_sign_in.code_step), name="sign_in_code"),
            *super().get_urls(),
        ]

    def admin_site_view(self, view):
        """A view of the sign-in, open to anyone (not admin_view, which needs permission)."""

        def inner(request, *args, **kwargs):
            request.current_app = self.name
            return view(request, self, *args, **kwargs)

        return never_cache(inner)

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """As AdminSite.login, with the password step's view (sign_in.PasswordStepView)."""
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        context = {
            **self.each_context(request),
            "title": "Sign in",
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return PasswordStepView.as_view(
            extra_context=context,
            authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
        )(request)
