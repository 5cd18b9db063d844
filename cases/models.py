"""Cases as the office's systems know them, the public catalogue of statuses, and who asked to be told of changes.

A case is looked up by its number and an access code. The code is stored only as a keyed hash (HMAC with
settings.HASHING_KEY): fast enough that a lookup cannot be turned into a denial of service, and useless to
anyone who copies the database without the key. The case number is stored normalized (see `numbers.py`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Stage(models.IntegerChoices):
    """The steps of the progress line, in order. Refusal, discontinuation and appeal are statuses at DECISION."""

    FILED = 10, _("Application filed")
    FORMAL_CHECK = 20, _("Formal check")
    MISSING_DOCUMENTS = 30, _("Missing documents requested")
    PERSONAL_APPEARANCE = 40, _("Fingerprints or personal appearance")
    REVIEW = 50, _("Review and opinions of other authorities")
    DECISION = 60, _("Decision issued")
    CARD_PRODUCTION = 70, _("Card in production")
    CARD_READY = 80, _("Card ready for collection")
    CLOSED = 90, _("Closed")


class Visit(models.TextChoices):
    """A visit that a status asks the applicant to book (the appointments app offers the matching service)."""

    NONE = "", _("no visit")
    PERSONAL_APPEARANCE = "personal-appearance", _("fingerprints or personal appearance")
    CARD_COLLECTION = "card-collection", _("collecting the residence card")


class CaseStatus(models.Model):
    """One entry of the status catalogue that officers and imports use; its texts are what applicants read."""

    class Outcome(models.TextChoices):
        NONE = "", _("not a decision")
        POSITIVE = "positive", _("positive decision")
        NEGATIVE = "negative", _("refusal")
        DISCONTINUED = "discontinued", _("proceedings discontinued")

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Used by imports and the API."))
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    order = models.PositiveSmallIntegerField(_("order within the stage"), default=0)
    name = models.CharField(_("public name"), max_length=120)
    name_en: str  # one column per language, added by django-modeltranslation; named for the type checker
    explanation = models.TextField(_("what it means"), help_text=_("Plain words, two or three sentences."))
    applicant_action = models.TextField(_("what the applicant should do now"), blank=True)
    action_deadline_days = models.PositiveSmallIntegerField(
        _("deadline for the applicant (days)"),
        null=True,
        blank=True,
        help_text=_("Counted from the date of the status, e.g. 14 days from delivery of a request."),
    )
    visit = models.CharField(_("visit to book"), max_length=30, choices=Visit.choices, blank=True, default="")
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices, blank=True, default="")
    is_final = models.BooleanField(_("final"), default=False, help_text=_("Nothing more will happen in the case."))

    class Meta:
        ordering = ["stage", "order", "code"]
        verbose_name = _("case status")
        verbose_name_plural = _("case statuses")
        constraints = [
            models.CheckConstraint(
                condition=Q(action_deadline_days__isnull=True) | ~Q(applicant_action=""),
                name="cases_deadline_has_action",
                violation_error_message=_("A deadline needs the action it is for."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_decision(self) -> bool:
        return bool(self.outcome)


class Procedure(models.Model):
    """A kind of case (e.g. temporary residence for work), with the statutory time limit for the decision."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_in_polish_law = models.CharField(
        _("name of the case in Polish"),
        max_length=300,
        help_text=_("As written in letters, e.g. udzielenie zezwolenia na pobyt czasowy."),
    )
    guide = models.ForeignKey(
        "portal.Guide",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guide"),
    )
    time_limit_days = models.PositiveSmallIntegerField(_("statutory time limit (days)"), null=True, blank=True)
    # Some limits are set in months (art. 210: six months), which the Code of Administrative Procedure counts to the
    # same day of the last month (art. 57 § 3), not as a number of days.
    time_limit_months = models.PositiveSmallIntegerField(
        _("statutory time limit (months)"),
        null=True,
        blank=True,
        help_text=_("Fill in either the days or the months, as the act states the time limit."),
    )
    time_limit_basis = models.CharField(
        _("legal basis of the time limit"),
        max_length=200,
        blank=True,
        help_text=_("In Polish, e.g. art. 112a ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(time_limit_days__isnull=True) | models.Q(time_limit_months__isnull=True),
                name="procedure_time_limit_in_days_or_months",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Case(models.Model):
    """One application as the office registered it. Personal data here is kept only until its retention date."""

    number = models.CharField(_("case number"), max_length=40, help_text=_("As the office writes it."))
    number_key = models.CharField(
        _("case number for lookups"),
        max_length=40,
        unique=True,
        editable=False,
        help_text=_("Letters and digits only, upper case: how people type it does not matter."),
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="cases", verbose_name=_("procedure")
    )
    place = models.ForeignKey("portal.Place", on_delete=models.PROTECT, related_name="+", verbose_name=_("place"))
    filed_on = models.DateField(_("filed on"))
    status = models.ForeignKey(CaseStatus, on_delete=models.PROTECT, related_name="+", verbose_name=_("status"))
    status_changed_at = models.DateTimeField(_("status changed at"))
    access_code_hash = models.CharField(_("access code (keyed hash)"), max_length=64, blank=True, editable=False)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_language = models.CharField(
        _("language for messages"), max_length=8, choices=settings.LANGUAGES, default="pl"
    )
    contact_consent_at = models.DateTimeField(_("consent to contact given at"), null=True, blank=True)
    final_at = models.DateTimeField(_("final status reached at"), null=True, blank=True, editable=False)
    contact_erased_at = models.DateTimeField(_("contact data erased at"), null=True, blank=True, editable=False)
    anonymized_at = models.DateTimeField(_("anonymized at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-status_changed_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        # Desk and helpline staff tell a visitor or caller where their case stands without opening the case admin.
        permissions = [("view_case_status_at_desk", _("Can see a case's current status at a desk or on the phone"))]
        indexes = [
            models.Index(fields=["procedure", "place", "filed_on"], name="cases_similar_idx"),
            models.Index(fields=["final_at"], name="cases_final_at_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(contact_email="") | Q(contact_consent_at__isnull=False),
                name="cases_contact_needs_consent",
                violation_error_message=_("A contact e-mail may be kept only with the applicant's consent."),
            ),
        ]

    def __str__(self) -> str:
        return self.number


class StatusEvent(models.Model):
    """A change of status, as recorded by an officer, an import or the API; the history is never edited."""

    class Channel(models.TextChoices):
        ADMIN = "admin", _("admin")
        IMPORT = "import", _("file import")
        API = "api", _("API")
        DEMO = "demo", _("demo data")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case"))
    status = models.ForeignKey(CaseStatus, on_delete=models.PROTECT, related_name="+", verbose_name=_("status"))
    occurred_at = models.DateTimeField(_("date of the status"))
    note_to_applicant = models.TextField(_("note to the applicant"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True, help_text=_("Never shown to the applicant."))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    integration = models.ForeignKey(
        "IntegrationToken",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("integration"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "pk"]
        verbose_name = _("status event")
        verbose_name_plural = _("status events")
        constraints = [
            # Imports and the API resend rows freely: the same change arriving twice is one event.
            models.UniqueConstraint(fields=["case", "status", "occurred_at"], name="cases_event_once"),
        ]

    def __str__(self) -> str:
        return f"{self.status} ({self.occurred_at:%Y-%m-%d})"


class Subscription(models.Model):
    """An e-mail address that wants to hear of changes of one case; active only after the link was clicked."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("case"))
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [models.UniqueConstraint(fields=["case", "email"], name="cases_subscription_once")]

    def __str__(self) -> str:
        return f"{self.pk}"


class LookupRecord(models.Model):
    """One lookup, for spotting abuse: no address, no case number in clear, deleted after a while."""

    class Outcome(models.TextChoices):
        FOUND = "found", _("found")
        NOT_FOUND = "not-found", _("wrong number or code")
        LIMITED = "limited", _("refused: too many attempts")

    number_hash = models.CharField(_("case number hash"), max_length=64, db_index=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    # Not auto_now_add: a buffered lookup (`cases.lookup_records`) is written later with the moment it happened.
    created_at = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = _("lookup")
        verbose_name_plural = _("lookups")

    def __str__(self) -> str:
        return f"{self.outcome} {self.created_at:%Y-%m-%d %H:%M}"


class ProcessingTime(models.Model):
    """How long similar cases took, precomputed nightly so that no lookup scans the table of cases.

    `stage` 0 (WHOLE_CASE) means from filing to the decision; otherwise the time spent in that stage.
    """

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    place = models.ForeignKey("portal.Place", on_delete=models.CASCADE, related_name="+")
    WHOLE_CASE = 0

    stage = models.PositiveSmallIntegerField()
    median_days = models.PositiveIntegerField()
    p80_days = models.PositiveIntegerField()
    sample_size = models.PositiveIntegerField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("processing time")
        verbose_name_plural = _("processing times")
        constraints = [
            models.UniqueConstraint(fields=["procedure", "place", "stage"], name="cases_processing_time_once"),
            models.CheckConstraint(condition=Q(p80_days__gte=models.F("median_days")), name="cases_p80_above_median"),
        ]

    def __str__(self) -> str:
        return f"{self.procedure_id}/{self.place_id}/{self.stage}: {self.median_days}/{self.p80_days}"


class IntegrationToken(models.Model):
    """A key for one system that sends status changes to the API. Only a hash is kept; it is shown once."""

    name = models.CharField(_("system"), max_length=120, unique=True)
    token_hash = models.CharField(_("token (hash)"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    office_wide = models.BooleanField(
        _("office-wide"),
        default=False,
        help_text=_(
            "The system may change cases of every place. Tokens created before places could be chosen were made "
            "office-wide so that no integration stopped working: narrow them to their places."
        ),
    )
    places = models.ManyToManyField(
        "portal.Place",
        blank=True,
        related_name="+",
        verbose_name=_("places"),
        help_text=_("The places whose cases the system may change (when it is not office-wide)."),
    )
    # What the token may do in the integration API (`/api/v1/`); each operation names the one scope it needs.
    scope_read = models.BooleanField(
        _("read"), default=False, help_text=_("Read public information: places, guides, notices, free times, queues.")
    )
    scope_case_status = models.BooleanField(
        _("case status"), default=False, help_text=_("Look up a case with its number and access code.")
    )
    scope_book = models.BooleanField(
        _("act for a person"),
        default=False,
        help_text=_("A partner institution: book a visit or send an enquiry for a person who consented."),
    )
    scope_import = models.BooleanField(
        _("status import"), default=False, help_text=_("Send status changes of the cases of its places.")
    )
    requests_per_minute = models.PositiveIntegerField(
        _("requests per minute"),
        default=120,
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("Calls over this number in a minute are refused until the minute ends."),
    )

    SCOPES = {"read": "scope_read", "case-status": "scope_case_status", "book": "scope_book", "import": "scope_import"}

    class Meta:
        ordering = ["name"]
        verbose_name = _("integration token")
        verbose_name_plural = _("integration tokens")

    def __str__(self) -> str:
        return self.name

    def has_scope(self, scope: str) -> bool:
        return bool(getattr(self, self.SCOPES[scope]))


class ApiCall(models.Model):
    """One call of the integration API by a token: which operation, how it ended, when. No body, no parameters,
    no address: the route names the operation (`/api/v1/guides/<slug:slug>/`), never the values in it."""

    class Outcome(models.TextChoices):
        OK = "ok", _("answered")
        REFUSED = "refused", _("refused (scope or token)")
        LIMITED = "limited", _("over the rate limit")
        REJECTED = "rejected", _("rejected request")
        FAILED = "failed", _("server error")

    token = models.ForeignKey(
        IntegrationToken, on_delete=models.CASCADE, related_name="calls", verbose_name=_("integration token")
    )
    method = models.CharField(_("method"), max_length=8)
    endpoint = models.CharField(_("endpoint"), max_length=200)
    status_code = models.PositiveSmallIntegerField(_("status code"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    occurred_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("API call")
        verbose_name_plural = _("API calls")

    def __str__(self) -> str:
        return f"{self.method} {self.endpoint} {self.status_code}"
