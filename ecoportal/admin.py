"""The user admin, limited for Administrators to what ``ecoportal.accounts`` lets them manage."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy, ngettext

from . import accounts, lockout

User = get_user_model()

# Fields only a superuser sees and posts: anything posted for them by anyone else is ignored,
# since the form is built without them.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")


class PortalUserAdmin(UserAdmin):
    actions = ["lift_sign_in_lockouts"]

    @admin.action(description=gettext_lazy("解除所选账号的登录锁定"), permissions=["change"])
    def lift_sign_in_lockouts(self, request, queryset):
        """Every sign-in limit counted for these accounts, at any address (ecoportal.lockout)."""
        lifted = lockout.lift_account_lockouts(queryset.values_list("username", flat=True))
        self.message_user(
            request,
            ngettext("已删除 %(count)d 条失败登录记录，所选账号可以再次登录。",
                     "已删除 %(count)d 条失败登录记录，所选账号可以再次登录。", lifted) % {"count": lifted},
        )

    def get_queryset(self, request):
        # Change, delete, password and bulk actions all look accounts up through this.
        return accounts.users_managed_by(request.user) & super().get_queryset(request)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in SUPERUSER_ONLY_FIELDS]})
            for name, options in fieldsets
        ]

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        return [name for name in super().get_list_filter(request) if name not in SUPERUSER_ONLY_FIELDS]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups":
            kwargs["queryset"] = accounts.groups_assignable_by(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or accounts.may_manage(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or accounts.may_manage(request.user, obj))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The admin's views run in a transaction: a refusal here undoes the whole save.
        accounts.check_managed(request.user, form.instance)


# Replaces the stock user admin that django.contrib.auth registered.
admin.site.unregister(User)
admin.site.register(User, PortalUserAdmin)
