from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The agent workspace: queues and the case view for agents, leads and admins."""

    name = "sellerdesk.workspace"
    label = "workspace"
