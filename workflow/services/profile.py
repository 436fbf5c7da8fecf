"""A customer's name and contact preferences (R5: reached by the method they prefer)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext

from ..errors import InvalidInput, NotPermitted
from ..models import CustomerProfile
from ..rules import is_customer
from ..states import ContactMethod, Language
from ._base import atomic, choose_one_of, optional_text, required_text


def profile_of(user) -> CustomerProfile:
    """The customer's preferences, or the defaults (unsaved) when they never set any."""
    profile = CustomerProfile.objects.filter(user=user).first()
    return profile or CustomerProfile(user=user)


@atomic
def update_profile(
    *,
    actor,
    first_name: str | None = None,
    last_name: str | None = None,
    phone: str | None = None,
    preferred_contact_method: str | None = None,
    language: str | None = None,
) -> CustomerProfile:
    """Change the signed-in customer's own name and preferences; `None` leaves a value as it
    is. Phone as the preferred method needs a phone number."""
    if not is_customer(actor):
        raise NotPermitted(gettext("Bu işlemi yalnız müşteriler yapabilir."))
    user = get_user_model().objects.select_for_update().get(pk=actor.pk)
    profile, _ = CustomerProfile.objects.select_for_update().get_or_create(user=user)
    errors: dict[str, list[str]] = {}
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if value is not None:
            try:
                setattr(user, field, required_text(value, field, max_length=150))
            except InvalidInput as error:
                errors.update(error.errors)
    if phone is not None:
        try:
            profile.phone = optional_text(phone, "phone", max_length=40)
        except InvalidInput as error:
            errors.update(error.errors)
    if preferred_contact_method is not None:
        if preferred_contact_method in ContactMethod.values:
            profile.preferred_contact_method = preferred_contact_method
        else:
            errors["preferred_contact_method"] = [choose_one_of(ContactMethod.values)]
    if language is not None:
        if language in Language.values:
            profile.language = language
        else:
            errors["language"] = [choose_one_of(Language.values)]
    if (
        "phone" not in errors
        and profile.preferred_contact_method == ContactMethod.PHONE
        and not profile.phone
    ):
        errors["phone"] = [gettext("Telefonla aranmak istiyorsanız bir telefon numarası yazın.")]
    if errors:
        raise InvalidInput(gettext("Bilgileriniz kaydedilemedi."), errors=errors)
    user.save(update_fields=["first_name", "last_name"])
    profile.save()
    return profile
