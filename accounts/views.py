from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import ProfileForm
from accounts.selectors import landing_url


@login_required
def landing(request):
    return redirect(landing_url(request.user))


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        # The saved preference wins over an earlier choice in the language switcher.
        response.delete_cookie("django_language")
        return response
    return render(request, "accounts/profile.html", {"form": form})
