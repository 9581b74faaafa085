"""A real SMTP server on loopback for the tests (Debian's python3-aiosmtpd), told by a rules file how to misbehave.

    python3 smtp_test_server.py FOLDER

Listens on 127.0.0.1 on a port the system chooses and prints "listening PORT" on stdout once it accepts connections.
Every message it accepts is written to FOLDER/mail/ as one .eml file, with two headers in front that say what the
envelope carried: X-Test-Mail-From and X-Test-Rcpt-To. FOLDER/rules.json (written by SmtpTestServer.cs, re-read at
every command, optional) says how to answer:

    {
      "version": "...",             # a new version starts every counter afresh
      "replies": [                  # answer these instead of 250, first match wins
        {"address": "a@x", "at": "rcpt"|"data", "code": 451, "text": "4.3.0 try again later", "times": 1, "delay_seconds": 0}
      ],                            # times: how many times to answer so (then 250); null or absent: always;
                                    # delay_seconds: wait this long before answering so
      "data_delay_seconds": 4,      # store the message, then wait this long before the reply to DATA
      "xoauth2": {"user": "u@x", "token": "t"},  # offer AUTH XOAUTH2 and require it before MAIL FROM
      "login": {"user": "u", "password": "p"}    # offer AUTH PLAIN/LOGIN and require it before MAIL FROM
    }
"""

import asyncio
import base64
import json
import os
import sys
import uuid
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# aiosmtpd 1.4 warns that Session.login_data will go, each time a sign-in succeeds.
warnings.filterwarnings("ignore", message="Session.login_data")

FOLDER = sys.argv[1]
MAIL = os.path.join(FOLDER, "mail")
RULES = os.path.join(FOLDER, "rules.json")
os.makedirs(MAIL, exist_ok=True)

state = {"version": None, "counts": {}}


def rules():
    try:
        with open(RULES, encoding="utf-8") as f:
            current = json.load(f)
    except FileNotFoundError:
        current = {}
    if current.get("version") != state["version"]:
        state["version"] = current.get("version")
        state["counts"] = {}
    return current


async def reply_for(at, addresses):
    """The configured reply for this stage and any of these addresses, counting it (and waiting its delay); None: answer as usual."""
    for i, r in enumerate(rules().get("replies", [])):
        if r.get("at", "rcpt") != at or r["address"].lower() not in [a.lower() for a in addresses]:
            continue
        used = state["counts"].get(i, 0)
        if r.get("times") is not None and used >= r["times"]:
            continue
        state["counts"][i] = used + 1
        if r.get("delay_seconds"):
            await asyncio.sleep(r["delay_seconds"])
        return f"{r['code']} {r.get('text', 'configured reply')}"
    return None


def must_authenticate(session):
    current = rules()
    return (current.get("xoauth2") or current.get("login")) and not session.authenticated


def authenticator(server, session, envelope, mechanism, auth_data):
    login = rules().get("login")
    ok = (login is not None and isinstance(auth_data, LoginPassword)
          and auth_data.login.decode() == login["user"] and auth_data.password.decode() == login["password"])
    return AuthResult(success=ok, handled=False)


class Handler:
    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if must_authenticate(session):
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = await reply_for("rcpt", [address]) or "250 OK"
        if reply.startswith("2"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server, session, envelope):
        reply = await reply_for("data", envelope.rcpt_tos)
        if reply:
            return reply
        name = f"{uuid.uuid4().hex}.eml"
        head = f"X-Test-Mail-From: {envelope.mail_from}\r\nX-Test-Rcpt-To: {', '.join(envelope.rcpt_tos)}\r\n".encode()
        # Written beside and renamed, so a test never reads half a message.
        with open(os.path.join(MAIL, name + ".partial"), "wb") as f:
            f.write(head + envelope.original_content)
        os.replace(os.path.join(MAIL, name + ".partial"), os.path.join(MAIL, name))
        delay = rules().get("data_delay_seconds") or 0
        if delay:
            await asyncio.sleep(delay)
        return f"250 2.0.0 OK queued as {name[:12]}"

    async def auth_XOAUTH2(self, server, args):
        """RFC-less but common: base64("user=" user "\\x01auth=Bearer " token "\\x01\\x01"), here as the initial response."""
        expected = rules().get("xoauth2")
        blob = base64.b64decode(args[1]) if len(args) > 1 else await server.challenge_auth("")
        if expected is None or not isinstance(blob, bytes):
            return AuthResult(success=False, handled=False, message="535 5.7.8 XOAUTH2 not configured")
        fields = dict(p.split("=", 1) for p in blob.decode().split("\x01") if "=" in p)
        if fields.get("user") == expected["user"] and fields.get("auth") == f"Bearer {expected['token']}":
            return AuthResult(success=True, auth_data=expected["user"])
        return AuthResult(success=False, handled=False, message="535 5.7.3 Authentication unsuccessful")


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(Handler(), hostname="smtp.test", auth_require_tls=False, authenticator=authenticator,
                     data_size_limit=64 * 1024 * 1024),
        host="127.0.0.1", port=0)
    print(f"listening {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
