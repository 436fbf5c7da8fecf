"""Signup asks for the name (allauth `ACCOUNT_SIGNUP_FORM_CLASS`): e-mails and the staff
console address people by name, never by their e-mail address's local part."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SignupNameForm(forms.Form):
    first_name = forms.CharField(
        label=_("Adınız"), max_length=150, widget=forms.TextInput({"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Soyadınız"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )

    def signup(self, request, user):
        # allauth's adapter has already copied first_name and last_name onto the user
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])
