"""The tracker pages."""

urlpatterns = []
