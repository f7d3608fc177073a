"""Admin for webhook endpoints (secret shown once, rotation) and deliveries (attempts, resend)."""

from django import forms
from django.contrib import admin, messages

from .models import Attempt, Delivery, Endpoint
from .services import delivery_resend, endpoint_register, endpoint_rotate_secret, endpoint_url_check


class EndpointForm(forms.ModelForm):
    class Meta:
        model = Endpoint
        fields = ["subscriber", "url", "event_types", "description", "is_active"]
        fields += ["disabled_reason"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("url"):
            endpoint_url_check(cleaned["url"])
        return cleaned


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["url", "subscriber", "event_types", "is_active", "disabled_reason"]
    list_display += ["last_seq", "created_at"]
    list_filter = ["is_active", "subscriber"]
    search_fields = ["url", "subscriber__name", "description"]
    readonly_fields = ["disabled_at", "last_seq", "previous_secret_expires_at", "created_at"]
    actions = ["rotate"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        secret = endpoint_register(endpoint=obj)
        self.message_user(
            request, f"Signing secret for {obj.url}, shown only now: {secret}", messages.WARNING
        )

    @admin.action(description="Rotate the signing secret (the old one works for the grace period)")
    def rotate(self, request, queryset):
        for endpoint in queryset:
            secret = endpoint_rotate_secret(endpoint=endpoint)
            self.message_user(
                request,
                f"New secret for {endpoint.url}, shown only now: {secret}",
                messages.WARNING,
            )


class AttemptInline(admin.TabularInline):
    model = Attempt
    fields = readonly_fields = ["at", "status_code", "duration_ms", "error"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["event_type", "change_seq", "endpoint", "status", "attempt_count"]
    list_display += ["next_attempt_at", "created_at", "delivered_at"]
    list_filter = ["status", "event_type", "endpoint__subscriber"]
    search_fields = ["endpoint__url", "endpoint__subscriber__name", "message_id"]
    list_select_related = ["endpoint"]
    readonly_fields = ["endpoint", "change_seq", "event_type", "webhook_id", "body", "status"]
    readonly_fields += ["attempt_count", "next_attempt_at", "created_at", "delivered_at"]
    fields = readonly_fields
    inlines = [AttemptInline]
    actions = ["resend"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Resend (same webhook-id, in the background)")
    def resend(self, request, queryset):
        for delivery in queryset:
            delivery_resend(delivery=delivery)
        self.message_user(request, f"{queryset.count()} deliveries queued to be sent again.")
