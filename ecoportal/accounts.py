"""Who may manage which user accounts.

A superuser manages everyone. A member of the Administrator group (who holds the user
permissions) manages Authors and Editors only: accounts that are not superusers, hold no
permission of their own and belong to no group but those two. Such an account can be given
those groups and staff status (to use the admin), nothing more; superuser status, the
Administrator group and individual permissions are granted by a superuser alone.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

MANAGED_GROUPS = ("Author", "Editor")


def groups_assignable_by(actor):
    """The groups ``actor`` may put an account in."""
    if actor.is_superuser:
        return Group.objects.all()
    return Group.objects.filter(name__in=MANAGED_GROUPS)


def users_managed_by(actor):
    """The accounts ``actor`` may see, change, delete and set the password of."""
    users = get_user_model().objects.all()
    if actor.is_superuser:
        return users
    return users.filter(is_superuser=False, user_permissions__isnull=True).exclude(
        groups__in=Group.objects.exclude(name__in=MANAGED_GROUPS)
    )


def may_manage(actor, user):
    """Whether ``actor`` may change ``user`` as it is now in the database."""
    return actor.is_superuser or users_managed_by(actor).filter(pk=user.pk).exists()


def check_managed(actor, user):
    """Refuse an account that a change by ``actor`` left outside what ``actor`` may manage."""
    if not may_manage(actor, user):
        raise PermissionDenied("Only a superuser grants superuser status, the Administrator group or permissions.")
