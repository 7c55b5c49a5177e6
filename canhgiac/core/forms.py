from django import forms
from django.utils.translation import gettext_lazy as _


class VnDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Hành động"), required=False, max_length=100)
    actor = forms.CharField(label=_("Người thực hiện"), required=False, max_length=100)
    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=VnDateInput())
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=VnDateInput())

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("“Từ ngày” phải trước hoặc bằng “Đến ngày”."))
        return data


def form_errors(form, exc) -> None:
    """Put a service's ValidationError on the form: per field when it names one the form has."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            target = name if name in form.fields else None
            for error in errors:
                form.add_error(target, error.messages[0] if hasattr(error, "messages") else str(error))
    else:
        for message in exc.messages:
            form.add_error(None, message)


def flash_errors(request, exc) -> None:
    """A service's ValidationError as error messages on the next page."""
    from django.contrib import messages

    for message in exc.messages:
        messages.error(request, message)
