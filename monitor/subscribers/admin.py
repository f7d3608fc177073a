"""Admin for plans, subscribers and their keys (shown once, stored hashed), and daily usage."""

from django.contrib import admin, messages
from django.db.models import Sum

from .models import ApiKey, Plan, Subscriber, UsageDay
from .services import api_key_issue, api_key_revoke, api_key_rotate


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "all_publications", "includes_events", "includes_embargoed", "rate"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["publications"]


class ApiKeyInline(admin.TabularInline):
    model = ApiKey
    extra = 0
    fields = ["prefix", "name", "created_at", "expires_at", "revoked_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "revoked_at", "last_used_at"]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # keys are issued with the "Issue a new key" action, which shows the key once


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "is_active", "created_at"]
    list_filter = ["plan", "is_active"]
    search_fields = ["name", "contact_email"]
    inlines = [ApiKeyInline]
    actions = ["issue_key"]

    @admin.action(description="Issue a new API key (shown once)")
    def issue_key(self, request, queryset):
        for subscriber in queryset:
            key, raw_key = api_key_issue(subscriber=subscriber)
            self.message_user(
                request,
                f"New key for {subscriber} (prefix {key.prefix}), shown only now: {raw_key}",
                messages.WARNING,
            )


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["prefix", "subscriber", "name", "created_at", "expires_at", "revoked_at"]
    list_display += ["last_used_at", "requests"]
    list_filter = ["subscriber__plan"]
    search_fields = ["prefix", "subscriber__name", "name"]
    fields = ["subscriber", "name", "prefix", "created_at", "expires_at", "revoked_at"]
    fields += ["last_used_at"]
    readonly_fields = ["subscriber", "prefix", "created_at", "revoked_at", "last_used_at"]
    actions = ["revoke", "rotate"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("subscriber")
            .annotate(total_requests=Sum("usage__requests"))
        )

    def has_add_permission(self, request):
        return False

    @admin.display(description="requests", ordering="total_requests")
    def requests(self, key):
        return key.total_requests or 0

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request, queryset):
        for key in queryset:
            api_key_revoke(key=key)
        self.message_user(request, f"{queryset.count()} key(s) revoked.")

    @admin.action(description="Rotate: issue a replacement, old key expires in a day")
    def rotate(self, request, queryset):
        for key in queryset:
            new_key, raw_key = api_key_rotate(key=key)
            self.message_user(
                request,
                f"Replacement for {key.prefix}… (prefix {new_key.prefix}), shown only now: {raw_key}",
                messages.WARNING,
            )


@admin.register(UsageDay)
class UsageDayAdmin(admin.ModelAdmin):
    """The usage view: requests per key and day, by subscriber and plan."""

    list_display = ["day", "subscriber", "api_key", "requests"]
    list_filter = ["api_key__subscriber__plan", "api_key__subscriber"]
    date_hierarchy = "day"
    search_fields = ["api_key__prefix", "api_key__subscriber__name"]
    list_select_related = ["api_key__subscriber"]

    @admin.display(ordering="api_key__subscriber__name")
    def subscriber(self, usage):
        return usage.api_key.subscriber

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


from .webhooks import admin as webhooks_admin  # noqa: E402, F401  (registers the webhook admin)
