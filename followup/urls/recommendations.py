"""The recommendations pages."""

urlpatterns = []
