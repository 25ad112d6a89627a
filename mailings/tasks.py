from celery import shared_task

from mailings import services


@shared_task(name="gfmd.mailings.send")
def send_mail_task(mail_id: int) -> None:
    services.mail_send(mail_id=mail_id)
