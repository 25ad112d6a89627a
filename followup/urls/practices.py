"""The practices pages."""

urlpatterns = []
