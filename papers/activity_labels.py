"""The papers' actions as the activity log shows them (registered in PapersConfig.ready()); the
paper's own history uses the shorter form."""

from django.utils.translation import gettext_lazy as _

from activity.registry import Action

ACTIONS = {
    "papers.paper.created": Action(_("Paper started"), on_object=_("Draft started")),
    "papers.paper.submitted": Action(_("Paper submitted for review"), on_object=_("Submitted for review")),
    "papers.paper.review_started": Action(_("Paper review started"), on_object=_("Review started")),
    "papers.paper.revision_requested": Action(_("Paper revision requested"), on_object=_("Revision requested")),
    "papers.paper.accepted": Action(_("Paper accepted"), on_object=_("Accepted")),
    "papers.paper.rejected": Action(_("Paper rejected"), on_object=_("Rejected")),
    "papers.paper.published": Action(_("Paper published"), on_object=_("Published")),
    "papers.paper.withdrawn": Action(_("Paper withdrawn"), on_object=_("Withdrawn")),
    "papers.paper.unpublished": Action(
        _("Paper withdrawn from the library"), on_object=_("Withdrawn from the library")
    ),
    "papers.paper.updated": _("Paper details edited"),
    "papers.paper.translated": _("Paper's title or abstract translated"),
    "papers.comment.added": _("Comment on a paper"),
    "papers.version.uploaded": _("Paper version uploaded"),
    "papers.translation.uploaded": _("Paper translation uploaded"),
    "papers.translation.replaced": _("Paper translation replaced"),
    "papers.deadline.set": _("Paper deadline set"),
    "papers.deadline.cleared": _("Paper deadline removed"),
    "papers.deadline.reminded": _("Paper deadline reminder sent"),
}
