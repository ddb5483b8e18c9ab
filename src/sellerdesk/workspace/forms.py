from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts.models import Tier
from sellerdesk.assistant.labels import TIERS
from sellerdesk.assistant.models import Urgency
from sellerdesk.cases.categories import Category
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.services import BODY_MAX
from sellerdesk.commitments.models import Kind as CommitmentKind
from sellerdesk.core.forms import MultipleFileField
from sellerdesk.core.templatetags.sellerdesk import LANGUAGE_NAMES
from sellerdesk.core.text import MAX_DB_ID, id_param
from sellerdesk.routing.models import FieldType


class AgentReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Reply to the seller"), widget=forms.Textarea(attrs={"rows": 5}), max_length=BODY_MAX
    )
    then_status = forms.ChoiceField(
        label=_("Then set the status to"),
        choices=[
            ("", _("(keep as it is)")),
            (Status.WAITING_ON_SELLER, Status.WAITING_ON_SELLER.label),
            (Status.WAITING_ON_MARKETPLACE, Status.WAITING_ON_MARKETPLACE.label),
            (Status.RESOLVED, Status.RESOLVED.label),
        ],
        required=False,
    )
    attachments = MultipleFileField()


class InternalNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note (never shown to the seller)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=BODY_MAX,
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class AssignForm(forms.Form):
    assignee = forms.TypedChoiceField(label=_("Assign to"), coerce=int, choices=())

    def __init__(self, *args, agents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [(a.pk, a.display_name) for a in agents]


# --- tiered support: playbook, actions, transfers, deadline, commitments, escalation requests --------
#
# These forms render inputs and collect what the agent typed. The rules (which values are valid, who
# may do what, up to which amount) are the services'; a refusal comes back as a SellerdeskError and is
# put on the form with `show_error` (or `PlaybookForm.show_error`).

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
DATETIME_FORMATS = [DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def _currencies() -> list[tuple[str, str]]:
    return [("", "—"), *((code, code) for code in settings.SELLERDESK["FX_TO_USD"])]


def _datetime_field(label, **kwargs) -> forms.DateTimeField:
    """A datetime-local input, read in the viewer's time zone (the active one)."""
    return forms.DateTimeField(
        label=label,
        required=False,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
        **kwargs,
    )


def _playbook_input(spec: dict) -> forms.Field:
    """The input for one playbook field, by its type. Values stay text: routing.playbooks checks them."""
    kind = spec.get("type", FieldType.TEXT)
    attrs: dict = {}
    if spec.get("max_length"):
        attrs["maxlength"] = spec["max_length"]
    if kind == FieldType.TEXTAREA:
        widget = forms.Textarea(attrs={"rows": 3, **attrs})
    elif kind == FieldType.DATE:
        widget = forms.DateInput(attrs={"type": "date"})
    elif kind == FieldType.DATETIME:
        widget = forms.DateTimeInput(attrs={"type": "datetime-local"})
    elif kind == FieldType.NUMBER:
        widget = forms.NumberInput(attrs={"step": "any"})
    elif kind == FieldType.MONEY:
        widget = forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"})
    elif kind == FieldType.CHOICE:
        widget = forms.Select(choices=[("", _("Choose…")), *((c, c) for c in spec.get("choices", []))])
    elif kind == FieldType.YES_NO:
        widget = forms.Select(choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))])
    elif kind == FieldType.EMAIL:
        widget = forms.EmailInput(attrs=attrs)
    elif kind == FieldType.PHONE:
        widget = forms.TextInput(attrs={"type": "tel", "placeholder": "+44 28 9024 5133", **attrs})
    elif kind == FieldType.ORDER_ID:
        widget = forms.TextInput(attrs={"placeholder": "112-1234567-1234567", "spellcheck": "false", **attrs})
    elif kind == FieldType.LISTING_ID:
        widget = forms.TextInput(attrs={"placeholder": "NB-B08XK2L9QZ", "spellcheck": "false", **attrs})
    else:
        widget = forms.TextInput(attrs=attrs)
    return forms.CharField(label=spec.get("label") or spec["name"], required=False, strip=False, widget=widget)


class PlaybookForm(forms.Form):
    """The form of the playbook in use on a case, built from its field list, with its steps as
    checkboxes. A done step stays done (the service keeps it), so its box is shown ticked and locked."""

    PREFIX = "pb"
    # Not names a playbook field would have (those are snake_case words).
    STEPS = "steps__"
    PLAYBOOK = "playbook__"

    def __init__(self, *args, panel: dict, **kwargs):
        kwargs.setdefault("prefix", self.PREFIX)
        super().__init__(*args, **kwargs)
        self.panel = panel
        playbook = panel["playbook"]
        self.fields[self.PLAYBOOK] = forms.IntegerField(widget=forms.HiddenInput, initial=playbook.pk)
        for spec in playbook.fields:
            self.fields[spec["name"]] = _playbook_input(spec)
            value = panel["values"].get(spec["name"], "")
            if spec.get("type") == FieldType.DATETIME:
                value = value[:16]  # what a datetime-local input shows: YYYY-MM-DDTHH:MM
            self.initial[spec["name"]] = value
        self.fields[self.STEPS] = forms.MultipleChoiceField(
            required=False, choices=[(s["key"], s["title"]) for s in playbook.steps]
        )

    @classmethod
    def parse(cls, data) -> dict:
        """The service's arguments from a posted form: every `pb-` field is a value of the playbook
        (the service refuses names the playbook does not have)."""
        start = f"{cls.PREFIX}-"
        skip = {f"{start}{cls.STEPS}", f"{start}{cls.PLAYBOOK}"}
        values = {key[len(start) :]: data.get(key) for key in data if key.startswith(start) and key not in skip}
        return {
            "values": values,
            "completed_steps": data.getlist(f"{start}{cls.STEPS}"),
            "playbook_id": id_param(data.get(f"{start}{cls.PLAYBOOK}", "")),
        }

    def field_rows(self) -> list[dict]:
        missing = self.panel["missing"]
        return [
            {"field": self[spec["name"]], "spec": spec, "missing": spec["name"] in missing}
            for spec in self.panel["playbook"].fields
        ]

    def step_rows(self) -> list[dict]:
        ticked = set(self[self.STEPS].value() or []) if self.is_bound else set()
        name = self.add_prefix(self.STEPS)
        return [
            {**step, "name": name, "id": f"id_{name}_{n}", "checked": step["done"] or step["key"] in ticked}
            for n, step in enumerate(self.panel["steps"])
        ]

    def counts(self) -> dict:
        steps = self.panel["steps"]
        return {"done": sum(1 for step in steps if step["done"]), "total": len(steps)}

    def step_errors(self) -> list[str]:
        return list(self.errors.get(self.STEPS, [])) if self.is_bound else []

    def missing_labels(self) -> dict:
        """What stands between this progress and completion, in the agent's words: field labels and
        step titles rather than their keys."""
        missing = self.panel["missing"]
        specs = self.panel["playbook"].fields
        return {
            "fields": [spec.get("label") or spec["name"] for spec in specs if spec["name"] in missing],
            "steps": [step["title"] for step in self.panel["steps"] if not step["done"]],
        }

    def show_error(self, error) -> None:
        """A refused save: each message beside its field (steps under the steps), the rest on top."""
        aliases = {"completed_steps": self.STEPS}
        for name, texts in (error.fields or {}).items():
            target = aliases.get(name, name)
            for text in texts:
                self.add_error(target if target in self.fields and target != self.PLAYBOOK else None, text)
        self.add_error(None, error.message)


class ActionForm(forms.Form):
    """An action for the seller. The list offers only what the agent's tier may do on this case; the
    service decides again (and for money, up to the tier's limit) whatever is posted."""

    capability = forms.CharField(label=_("Action"), widget=forms.Select)
    note = forms.CharField(
        label=_("What you did (on the case timeline)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    amount = forms.DecimalField(
        label=_("Amount"), required=False, min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=())
    reference = forms.CharField(label=_("Reference"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "act")
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = _currencies()

    def offer(self, actions: list[tuple[str, str]]) -> "ActionForm":
        self.fields["capability"].widget.choices = [("", _("Choose an action…")), *actions]
        return self


class TransferForm(forms.Form):
    team = forms.IntegerField(label=_("To team"), min_value=1, max_value=MAX_DB_ID, widget=forms.Select)
    reason_code = forms.CharField(label=_("Reason"), widget=forms.Select)
    capability = forms.CharField(
        label=_("Action the case needs"),
        required=False,
        widget=forms.Select,
        help_text=_("Only for “needs an action my tier cannot take”."),
    )
    note = forms.CharField(label=_("Note for the next team"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "tr")
        super().__init__(*args, **kwargs)

    def offer(self, *, teams, reasons, lacking: list[tuple[str, str]]) -> "TransferForm":
        self.fields["team"].widget.choices = [("", _("Choose a team…")), *((t.pk, t.name) for t in teams)]
        self.fields["reason_code"].widget.choices = [("", _("Choose a reason…")), *((r.code, r.label) for r in reasons)]
        self.fields["capability"].widget.choices = [("", "—"), *lacking]
        return self


class BounceForm(forms.Form):
    reason = forms.CharField(label=_("Why it comes back"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "bounce")
        super().__init__(*args, **kwargs)


class DeadlineForm(forms.Form):
    deadline = _datetime_field(_("Business deadline"), help_text=_("In your time zone."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "dl")
        super().__init__(*args, **kwargs)


class CommitmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CommitmentKind.choices, initial=CommitmentKind.FOLLOW_UP)
    description = forms.CharField(label=_("What exactly you promise"), widget=forms.Textarea(attrs={"rows": 2}))
    amount = forms.DecimalField(
        label=_("Amount"), required=False, min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=())
    due_at = _datetime_field(_("Due"))
    phone = forms.CharField(
        label=_("Phone to call"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "placeholder": "+44 28 9024 5133"}),
    )
    window_start = _datetime_field(_("Call window from"))
    window_end = _datetime_field(_("Call window to"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "cm")
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = _currencies()


class KeepCommitmentForm(forms.Form):
    evidence = forms.CharField(label=_("Evidence (e.g. the reimbursement reference)"))


class CancelCommitmentForm(forms.Form):
    reason = forms.CharField(label=_("Why it is cancelled (the seller reads this)"))


class CallOutcomeForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the call (sent to the seller)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class HandleEscalationForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome (the seller reads this)"), widget=forms.Textarea(attrs={"rows": 2}))
    not_urgent = forms.BooleanField(label=_("Was not really urgent"), required=False)


# --- the triage card: the agent confirms or corrects the model's reading of the case -----------------


class TriageReviewForm(forms.Form):
    """The model's four predictions as selects, prefilled with the values in effect. Values stay
    text: the assistant service checks them, and its refusal is shown beside the field."""

    FIELDS = ("category", "urgency", "tier", "language")

    category = forms.CharField(label=_("Category"), widget=forms.Select)
    urgency = forms.CharField(label=_("Urgency"), widget=forms.Select)
    tier = forms.CharField(label=_("Suggested tier"), widget=forms.Select)
    language = forms.CharField(label=_("Language"), widget=forms.Select)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "tri")
        super().__init__(*args, **kwargs)
        self.fields["category"].widget.choices = Category.choices
        self.fields["urgency"].widget.choices = Urgency.choices
        self.fields["tier"].widget.choices = [(t, Tier(t).label) for t in TIERS]
        # The languages the model tells apart, by name (the service checks the posted code).
        self.fields["language"].widget.choices = list(LANGUAGE_NAMES.items())
