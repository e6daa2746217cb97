"""Signing in to the admin: the password step, then the code step (directory/admin_site.py).

Between the two, the session holds only who gave the right password, and when; it is not
signed in. The code step asks for the 6-digit code from the user's authenticator app, or, when
they have none yet, shows a QR code (and the key, to type in) to set one up, confirmed by its
first code. A wrong code is a failed sign-in for django-axes (the same lockout as a wrong
password) and makes the device wait before the next try (django-otp's throttling).
"""

import base64
import io
import time

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials, get_lockout_response
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, user_login_failed
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import LoginView
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

PENDING = "findhelp_password_given"  # session key: {"user", "backend", "at"}
PENDING_SECONDS = 10 * 60  # the code must follow the password within this


class PasswordStepView(LoginView):
    """Django's sign-in view; with the second factor on, a right password leads to the
    code step instead of signing in."""

    def form_valid(self, form):
        if not settings.FINDHELP_ADMIN_2FA:
            return super().form_valid(form)
        user = form.get_user()
        # A new session key for the code step: a session id planted in this browser by
        # someone else (session fixation) must not carry this user's half sign-in, or the
        # planter could set up this user's authenticator. Signing in cycles it again.
        self.request.session.cycle_key()
        self.request.session[PENDING] = {
            "user": str(user.pk),
            "backend": user.backend,
            "at": time.time(),
        }
        query = urlencode({"next": self.get_success_url()})
        return HttpResponseRedirect(f"{reverse('admin:sign_in_code')}?{query}")

    def get_default_redirect_url(self):
        """Where a sign-in goes when its `next` is missing or refused: the admin's home, not
        Django's /accounts/profile/ (LOGIN_REDIRECT_URL), which this site does not have."""
        return reverse("admin:index", current_app=self.request.current_app)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        help_text="The 6 digits your authenticator app shows now.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "aria-describedby": "id_code_helptext",
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app."},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the 6 digits of the code, numbers only.")
        return code


def password_given(request):
    """The user who gave the right password in this session, with their backend, or (None,
    None) when no one did or it was too long ago."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    return user, pending["backend"]


def device_for(user):
    """The user's authenticator (confirmed), or the one being set up, made when first asked
    for so that the QR code stays the same if the page is loaded again."""
    confirmed = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if confirmed:
        return confirmed
    setting_up = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return setting_up or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )


def qr_code_data_uri(device):
    """The device's otpauth:// address as an SVG QR code in a data: URI: the admin's
    Content Security Policy allows images from data: and nothing inline."""
    out = io.BytesIO()
    write_qrcode_image(device.config_url, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def typed_key(device):
    """The key as an authenticator app asks for it when typed in: base 32, in fours."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def check_code(device, code):
    """None when the code is right, otherwise what to tell the user."""
    allowed, why = device.verify_is_allowed()
    if not allowed and why.get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        return "Too many wrong codes. Wait a few seconds, then enter the newest code."
    if device.verify_token(code):
        return None
    return "That code is not right. Enter the newest code your authenticator app shows."


def next_url(request, site):
    url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index", current_app=site.name)


def code_step(request, site):
    login_url = reverse("admin:login", current_app=site.name)
    if not settings.FINDHELP_ADMIN_2FA:
        return HttpResponseRedirect(login_url)
    user, backend = password_given(request)
    if user is None:
        request.session.pop(PENDING, None)
        return HttpResponseRedirect(login_url)
    credentials = get_credentials(user.get_username())
    if AxesProxyHandler.is_locked(request, credentials):
        request.session.pop(PENDING, None)
        return get_lockout_response(request, credentials=credentials)

    device = device_for(user)
    setting_up = not device.confirmed
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        problem = check_code(device, form.cleaned_data["code"])
        if problem is None:
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            del request.session[PENDING]
            # Signs in on a new session key (auth_login cycles it) and django-axes resets
            # the count.
            auth_login(request, user, backend=backend)
            otp_login(request, device)  # the session is verified
            return HttpResponseRedirect(next_url(request, site))
        form.add_error("code", problem)
        # A failed sign-in for django-axes; at the limit its middleware answers with the
        # "paused" page instead of this one.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)

    context = {
        **site.each_context(request),
        "title": "Set up your sign-in code" if setting_up else "Enter your sign-in code",
        "form": form,
        "username": user.get_username(),
        "issuer": settings.OTP_TOTP_ISSUER,  # the name the app shows beside the code
        "setting_up": setting_up,
        "login_url": login_url,
    }
    if setting_up:
        context.update(qr_code=qr_code_data_uri(device), key=typed_key(device))
    return TemplateResponse(request, "admin/sign_in_code.html", context)


def reset_second_factor(user):
    """Removes the user's authenticator, so that their sessions are no longer verified and
    they set up a new one after their password next time. Returns how many were removed."""
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    return removed
