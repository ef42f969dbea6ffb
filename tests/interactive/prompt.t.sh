#!/bin/bash
# The interactive vbash, driven as a person would through a pseudo-terminal
# (python3's pty module): prompt escapes, multi-line input with PS2, Ctrl-C
# on a running command and on a half-typed line, history, highlighting,
# Ctrl-D and exit. Env: VBASH = the vbash binary, VB_BUILD = its build tree.
set -u
VBASH=${VBASH:?VBASH must name the vbash binary}
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 is not installed"
  echo "0 passed, 0 failed, 1 skipped"
  exit 0
fi
exec python3 - "$VBASH" "${VB_BUILD:-}" <<'PY'
import os, pty, re, select, signal, sys, time

vbash, build = sys.argv[1], sys.argv[2]
passed = failed = 0

def check(name, cond, detail=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL", name, detail)

class Term:
    def __init__(self, env_extra=None):
        env = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "HOME": "/nonexistent"}
        env.update(env_extra or {})
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(vbash, [vbash], env)
        self.buf = b""
        self.status = None

    def read(self, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], max(0, end - time.monotonic()))
            if not r:
                break
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            # readline (the prompt without the tree-sitter grammar) turns
            # bracketed paste on and off around each line: not what is checked
            self.buf = (self.buf + data).replace(b"\x1b[?2004h", b"").replace(b"\x1b[?2004l\r", b"").replace(b"\x1b[?2004l", b"")
            return True
        return True

    def expect(self, pattern, timeout=5.0):
        """Waits for a regex (bytes) in the output since the last expect."""
        end = time.monotonic() + timeout
        rx = re.compile(pattern, re.S)
        while True:
            m = rx.search(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                return True
            left = end - time.monotonic()
            if left <= 0:
                return False
            if not self.read(min(left, 0.2)):
                m = rx.search(self.buf)
                if m:
                    self.buf = self.buf[m.end():]
                return bool(m)

    def send(self, data):
        os.write(self.fd, data)

    def waitexit(self, timeout):
        end = time.monotonic() + timeout
        while True:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
                return self.status
            if time.monotonic() >= end:
                return None
            try:
                self.read(0.05)
            except OSError:
                pass

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass

PROMPT = rb"user@vbash:~\$ "
t = Term()
try:
    check("first prompt (default PS1 \\u@\\h:\\w\\$)", t.expect(PROMPT), repr(t.buf[-200:]))
    t.send(b"echo hello\r")
    check("command output", t.expect(rb"\r\nhello\r(?=\n)"), repr(t.buf[-200:]))
    check("prompt after a command", t.expect(rb"\n\r?" + PROMPT))

    t.send(b"PS1='[\\W|\\u] \\$ '\r")
    check("PS1 with \\W", t.expect(rb"\n\r?\[~\|user\] \$ "), repr(t.buf[-200:]))
    t.send(b"cd /tmp\r")
    check("\\W follows cd", t.expect(rb"\n\r?\[tmp\|user\] \$ "), repr(t.buf[-200:]))
    # Parameter expansion and command substitution in PS1 (promptvars).
    t.send(b"X=val; PS1='<$X|$(echo cs)|\"q\"|\\W> '\r")
    check("PS1 expansions", t.expect(rb'\n\r?<val\|cs\|"q"\|tmp> '), repr(t.buf[-200:]))
    t.send(b"PS1='\\w> '\r")
    check("PS1 with \\w", t.expect(rb"\n\r?/tmp> "), repr(t.buf[-200:]))

    # Multi-line input: PS2 until the construct is complete.
    t.send(b"if true; then\r")
    check("PS2 after an open if", t.expect(rb"\n\r?> "), repr(t.buf[-200:]))
    t.send(b"echo multi\r")
    check("PS2 again", t.expect(rb"\n\r?> "))
    t.send(b"fi\r")
    check("multi-line command ran", t.expect(rb"\r\nmulti\r(?=\n)"), repr(t.buf[-200:]))
    check("back to PS1", t.expect(rb"\n\r?/tmp> "))
    t.send(b"cat <<EOF\r")
    check("PS2 inside a here-document", t.expect(rb"\n\r?> "))
    t.send(b"doc line\rEOF\r")
    check("here-document ran", t.expect(rb"\r\ndoc line\r(?=\n)"), repr(t.buf[-200:]))
    check("PS1 after the here-document", t.expect(rb"\n\r?/tmp> "))

    # Ctrl-C cancels a running command, not the shell.
    t.send(b"while :; do :; done; echo not-printed\r")
    time.sleep(0.5)
    t0 = time.monotonic()
    t.send(b"\x03")
    check("Ctrl-C returns to the prompt", t.expect(rb"\n\r?/tmp> ", timeout=3), repr(t.buf[-200:]))
    check("Ctrl-C was quick", time.monotonic() - t0 < 3)
    check("the cancelled list stopped", b"not-printed\r\n" not in t.buf)
    t.send(b"echo \"st=$?\"\r")
    check("status 130 after Ctrl-C", t.expect(rb"st=130\r(?=\n)"), repr(t.buf[-200:]))
    check("prompt", t.expect(rb"\n\r?/tmp> "))

    # Commands read the terminal; Ctrl-C also ends a read.
    t.send(b"read v\r")
    time.sleep(0.3)
    t.send(b"typed-input\r")
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"echo \"v=$v\"\r")
    check("read from the terminal", t.expect(rb"\nv=typed-input\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"read w\r")
    time.sleep(0.3)
    t.send(b"\x03")
    check("Ctrl-C ends a read", t.expect(rb"\n\r?/tmp> ", timeout=3), repr(t.buf[-200:]))
    t.send(b"echo \"st=$?\"\r")
    check("read cancelled: 130", t.expect(rb"st=130\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")

    # Ctrl-C drops a half-typed line and a pending multi-line command.
    t.send(b"echo partial")
    time.sleep(0.2)
    t.send(b"\x03")
    check("Ctrl-C on a typed line gives a new prompt", t.expect(rb"\n\r?/tmp> "), repr(t.buf[-200:]))
    t.send(b"while true; do\r")
    check("PS2 for an open loop", t.expect(rb"\n\r?> "), repr(t.buf[-200:]))
    time.sleep(0.2)
    t.send(b"\x03")
    check("Ctrl-C at PS2 gives PS1", t.expect(rb"\n\r?/tmp> "), repr(t.buf[-200:]))
    t.send(b"echo fresh\r")
    check("the dropped line did not run", t.expect(rb"\r\nfresh\r(?=\n)") and b"partialecho" not in t.buf,
          repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")

    # History: up arrow recalls the last command.
    t.send(b"echo hist-$((40+2))\r")
    check("history entry ran", t.expect(rb"hist-42\r(?=\n)"))
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"\x1b[A\r")
    check("up arrow re-runs it", t.expect(rb"hist-42\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")

    # Tab completion comes from the sandbox.
    t.send(b"mkdir -p /tmp/cdir/sub; echo content > /tmp/cdir/only-file\r")
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"cat /tmp/cdir/on\t")
    time.sleep(0.3)
    t.send(b"\r")
    check("file name completed from the VFS", t.expect(rb"\ncontent\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"ech\t")
    time.sleep(0.3)
    t.send(b"tab-done\r")
    check("command name completed", t.expect(rb"\ntab-done\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"cd /tmp/cdir/s\t")
    time.sleep(0.3)
    t.send(b"\rpwd\r")
    check("directory completed with a slash", t.expect(rb"\n/tmp/cdir/sub\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp/cdir/sub> ")
    t.send(b"cd /tmp\r")
    t.expect(rb"\n\r?/tmp> ")

    # Syntax errors do not end the shell.
    t.send(b"fi\r")
    check("syntax error reported as interactive bash does",
          t.expect(rb"\nvbash: syntax error near unexpected token `fi'\r(?=\n)"), repr(t.buf[-200:]))
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"echo \"st=$?\"\r")
    check("status 2 after a syntax error", t.expect(rb"st=2\r(?=\n)"), repr(t.buf[-200:]))
    t.send(b"echo still-here\r")
    check("shell alive after a syntax error", t.expect(rb"still-here\r(?=\n)"))
    t.expect(rb"\n\r?/tmp> ")

    # Highlighting (built with tree-sitter-bash only).
    if build and os.path.exists(os.path.join(build, "tree-sitter-bash", "src", "parser.c")):
        t.send(b"echo 'green' # gray")
        check("strings highlighted", t.expect(rb"\x1b\[32m'green'"), repr(t.buf[-300:]))
        check("comments highlighted", t.expect(rb"\x1b\[90m# gray"), repr(t.buf[-300:]))
        t.send(b"\x15")   # Ctrl-U: kill the line
        time.sleep(0.1)
        t.send(b"\r")
        t.expect(rb"\n\r?/tmp> ")
        # A string opened on the line before still colours the next line.
        t.send(b"echo 'open\r")
        t.expect(rb"\n\r?> ")
        t.send(b"closed' after")
        check("multi-line string highlighted", t.expect(rb"\x1b\[32mclosed'"), repr(t.buf[-300:]))
        t.send(b"\r")
        check("multi-line string ran", t.expect(rb"\nclosed after\r(?=\n)"), repr(t.buf[-200:]))
        t.expect(rb"\n\r?/tmp> ")
    else:
        print("skipped: highlighting (built without tree-sitter-bash)")

    # Ctrl-D on an empty line exits with the last status.
    t.send(b"false\r")
    t.expect(rb"\n\r?/tmp> ")
    t.send(b"\x04")
    st = t.waitexit(5)
    check("Ctrl-D exits", st is not None, repr(t.buf[-200:]))
    check("exit status is the last command's", st == 1, str(st))
finally:
    t.kill()

t = Term()
try:
    t.expect(PROMPT)
    t.send(b"exit 5\r")
    st = t.waitexit(5)
    check("exit 5", st == 5, str(st))
finally:
    t.kill()

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
