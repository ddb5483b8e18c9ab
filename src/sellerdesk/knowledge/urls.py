"""The help centre's pages, included by the portal (sellers) and the workspace (agents)."""

from django.urls import path

from . import views

# Included under /portal/help/ in the portal's namespace: portal:help, portal:help_article, ...
portal_patterns = [
    path("", views.help_index, name="help"),
    path("<slug:slug>/", views.help_article, name="help_article"),
    path("<slug:slug>/feedback/", views.help_feedback, name="help_feedback"),
]

# Included under /workspace/knowledge/ in the workspace's namespace.
workspace_patterns = [
    path("", views.knowledge_index, name="knowledge"),
    path("<slug:slug>/", views.knowledge_article, name="knowledge_article"),
    path("<slug:slug>/feedback/", views.knowledge_feedback, name="knowledge_feedback"),
]
