"""A real SMTP server for tests (aiosmtpd on 127.0.0.1, random port) that records every mail it
accepts and can be told to answer a recipient with given reply codes first (451, 550...)."""

import asyncio
import socket
import threading
from collections import Counter
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


@dataclass
class ReceivedMail:
    envelope_from: str
    envelope_to: list[str]
    message: EmailMessage

    @property
    def raw_headers(self) -> list[tuple[str, str]]:
        return list(self.message.items())


@dataclass
class _Handler:
    delay: float = 0.0
    scripted: dict[str, list[str]] = field(default_factory=dict)
    received: list[ReceivedMail] = field(default_factory=list)
    # The client ends (address, port) that delivered mail: one per SMTP connection.
    peers: set = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            replies = self.scripted.get(address.lower())
            reply = replies.pop(0) if replies else None
        if reply is not None and not reply.startswith("250"):
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.received.append(ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), message))
            self.peers.add(tuple(session.peer))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer:
    """`with SmtpServer() as smtp:` ... `smtp.port`, `smtp.received`, `smtp.reply(to, "451 ...", "250")`."""

    def __init__(self, *, delay: float = 0.0):
        self.handler = _Handler(delay=delay)
        self.port = _free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "SmtpServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    def reply(self, address: str, *replies: str) -> None:
        """Answer RCPT TO for `address` with these replies, in order, then accept it."""
        with self.handler.lock:
            self.handler.scripted[address.lower()] = list(replies)

    @property
    def received(self) -> list[ReceivedMail]:
        with self.handler.lock:
            return list(self.handler.received)

    @property
    def connections(self) -> int:
        """How many SMTP connections delivered mail."""
        with self.handler.lock:
            return len(self.handler.peers)

    def count_by_recipient(self) -> Counter:
        return Counter(address for mail in self.received for address in mail.envelope_to)

    @property
    def mailers_setting(self) -> dict:
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": self.port, "use_tls": False, "timeout": 10},
            }
        }
