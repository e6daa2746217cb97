from django import forms

from .models.reports import ProblemReport


class ProblemReportForm(forms.ModelForm):
    # A honeypot: hidden from people (and screen readers), filled in by form-filling bots.
    # A report with it filled in is thanked and thrown away.
    website = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the problems themselves: no "---------" radio button to choose.
        self.fields["problem"].choices = ProblemReport.Problem.choices

    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    class Meta:
        model = ProblemReport
        fields = ["problem", "details"]
        widgets = {"problem": forms.RadioSelect}
        labels = {"problem": "What is wrong?", "details": "Tell us more (optional)"}
        help_texts = {
            "details": "For example, the right phone number. Do not include your name or any "
            "personal details."
        }
        error_messages = {
            "problem": {"required": "Select what is wrong with the page"},
            "details": {"max_length": "Tell us more in 2,000 characters or fewer"},
        }
