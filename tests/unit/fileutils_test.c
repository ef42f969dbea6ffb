/*
 * The file commands as the sandbox user (uid 1000) sees them: permission
 * errors, owners and groups. Spec tests are recorded by bash running as
 * root on the reference machine, where neither can be observed, so these
 * expectations are GNU coreutils' messages for an unprivileged user.
 */
#include <stdlib.h>
#include <string.h>

#include "t.h"
#include "vbash/vbash.h"

typedef struct {
    const char *script;
    const char *out;
    const char *err;
    int status;
} fu_case;

static void fu_run(vb_session *s, const fu_case *c)
{
    vb_result r;
    vb_exec_opts o;
    vb_exec_opts_init(&o);
    static const char *const env[] = {"LC_ALL=C.UTF-8", "TZ=UTC", NULL};
    o.env = env;
    vb_status rc = vb_exec(s, c->script, strlen(c->script), &o, &r);
    T_CHECK_MSG(rc == VB_OK, "vb_exec(%s) = %d", c->script, rc);
    T_CHECK_MSG(r.out.data && strcmp(r.out.data, c->out) == 0, "%s\n  stdout: [%s]\n  wanted: [%s]",
                c->script, r.out.data ? r.out.data : "(null)", c->out);
    T_CHECK_MSG(r.err.data && strcmp(r.err.data, c->err) == 0, "%s\n  stderr: [%s]\n  wanted: [%s]",
                c->script, r.err.data ? r.err.data : "(null)", c->err);
    T_CHECK_MSG(r.exit_status == c->status, "%s\n  status %d, wanted %d", c->script, r.exit_status,
                c->status);
    vb_result_free(&r);
}

static const fu_case fu_cases[] = {
    /* owners of new files and of the system's files */
    {"touch f; ls -l f | cut -d' ' -f3,4; ls -n f | cut -d' ' -f3,4", "user user\n1000 1000\n", "", 0},
    {"touch f; stat -c '%U %G %u %g' f", "user user 1000 1000\n", "", 0},
    {"ls -ld /etc/passwd | cut -d' ' -f3,4; stat -c '%U:%G' /etc/passwd", "root root\nroot:root\n", "", 0},
    {"mkdir d; ls -ld d | cut -d' ' -f1,3,4", "drwxr-xr-x user user\n", "", 0},
    {"touch f; ls -l -g f | cut -d' ' -f3; ls -o f | cut -d' ' -f3", "user\nuser\n", "", 0},
    {"touch f; ls -l --author f | cut -d' ' -f3-5", "user user user\n", "", 0},
    {"touch f; ls -n --author f | cut -d' ' -f3-5", "1000 1000 1000\n", "", 0},
    {"touch f; find_owner=$(stat -c %U /home/user); echo $find_owner", "user\n", "", 0},
    /* chown / chgrp to oneself, to root, numeric */
    {"touch f; chown user f; chown user:user f; chgrp user f; chown 1000:1000 f; echo $?", "0\n", "", 0},
    {"touch f; chown -v user:user f", "ownership of 'f' retained as user:user\n", "", 0},
    {"touch f; chgrp -c user f; chgrp -v 1000 f", "group of 'f' retained as user\n", "", 0},
    {"touch f; chown root f; echo $?", "1\n",
     "chown: changing ownership of 'f': Operation not permitted\n", 0},
    {"touch f; chgrp root f; echo $?", "1\n", "chgrp: changing group of 'f': Operation not permitted\n", 0},
    {"touch f; chown -v root f", "failed to change ownership of 'f' from user to root\n",
     "chown: changing ownership of 'f': Operation not permitted\n", 1},
    {"touch f; chown -f root f; echo $?", "1\n", "", 0},
    {"touch f; chown user: f; stat -c %G f", "user\n", "", 0},
    {"chown user /etc/passwd", "", "chown: changing ownership of '/etc/passwd': Operation not permitted\n", 1},
    {"mkdir -p d/e; touch d/e/f; chown -R user:user d; echo $?", "0\n", "", 0},
    {"touch f; chown 4242 f", "", "chown: changing ownership of 'f': Operation not permitted\n", 1},
    {"touch f; install -o root f g", "", "install: cannot change ownership of 'g': Operation not permitted\n", 1},
    /* permissions: directories without write or search permission */
    {"mkdir d; touch d/f; chmod 555 d; rm d/f", "", "rm: cannot remove 'd/f': Permission denied\n", 1},
    {"mkdir d; chmod 555 d; mkdir d/x", "", "mkdir: cannot create directory \xe2\x80\x98" "d/x\xe2\x80\x99: Permission denied\n", 1},
    {"mkdir d; chmod 555 d; touch d/x", "", "touch: cannot touch 'd/x': Permission denied\n", 1},
    {"mkdir d; touch f; chmod 555 d; cp f d/g", "", "cp: cannot create regular file 'd/g': Permission denied\n", 1},
    {"mkdir d; touch f; chmod 555 d; mv f d", "", "mv: cannot move 'f' to 'd/f': Permission denied\n", 1},
    {"mkdir d; touch f; chmod 555 d; ln -s f d/l", "", "ln: failed to create symbolic link 'd/l': Permission denied\n", 1},
    {"mkdir d; touch d/f; chmod 333 d; ls d; echo $?", "2\n", "ls: cannot open directory 'd': Permission denied\n", 0},
    {"mkdir -p d/e; chmod 000 d/e; ls -R d; echo $?", "d:\ne\n1\n",
     "ls: cannot open directory 'd/e': Permission denied\n", 0},
    {"mkdir -p d/e; chmod 000 d; rm -r d", "", "rm: cannot remove 'd': Permission denied\n", 1},
    {"mkdir -p d/e; chmod 555 d; rmdir d/e", "", "rmdir: failed to remove 'd/e': Permission denied\n", 1},
    {"touch f; chmod 000 f; cp f g", "", "cp: cannot open 'f' for reading: Permission denied\n", 1},
    {"echo x > f; chmod 444 f; cp f g; stat -c %a g", "444\n", "", 0},
    {"echo x > f; echo y > g; chmod 444 g; cp f g; cat g", "y\n", "cp: cannot open 'g' for writing: Permission denied\n", 0},
    {"echo x > f; echo y > g; chmod 444 g; cp -f f g; cat g", "x\n", "", 0},
    {"touch f; chmod 000 f; file f", "f: cannot open `f' (Permission denied)\n", "", 0},
    {"touch f; chmod 000 f; truncate -s 1 f", "", "truncate: cannot open 'f' for writing: Permission denied\n", 1},
    {"mkdir d; chmod 000 d; du d; echo $?", "0\td\n1\n", "du: cannot read directory 'd': Permission denied\n", 0},
    {"chmod 777 /etc/passwd", "", "chmod: changing permissions of '/etc/passwd': Operation not permitted\n", 1},
    {"chmod -f 777 /etc/passwd; echo $?", "1\n", "", 0},
    {"touch /etc/x", "", "touch: cannot touch '/etc/x': Permission denied\n", 1},
    {"rm /etc/passwd", "", "rm: cannot remove '/etc/passwd': Permission denied\n", 1},
    /* a write-protected file in a writable directory goes without a prompt when stdin is not a tty */
    {"touch f; chmod 444 f; rm f; ls", "", "", 0},
    {"mkdir d; touch d/f; chmod 555 d; tree --noreport d; rm -rf d; echo $?",
     "d\n\xe2\x94\x94\xe2\x94\x80\xe2\x94\x80 f\n1\n", "rm: cannot remove 'd/f': Permission denied\n", 0},
    /* mktemp in the sandbox's /tmp (1777) */
    {"f=$(mktemp); stat -c '%a %U' $f", "600 user\n", "", 0},
    {"d=$(mktemp -d); stat -c '%a %U' $d", "700 user\n", "", 0},
};

int main(void)
{
    for (size_t i = 0; i < sizeof fu_cases / sizeof fu_cases[0]; i++) {
        vb_session *s = NULL;
        vb_config cfg;
        vb_config_init(&cfg);
        cfg.random_seed = 42;
        T_CHECK(vb_session_new(&cfg, &s) == VB_OK && s);
        if (!s)
            continue;
        fu_run(s, &fu_cases[i]);
        vb_session_free(s);
    }
    return T_DONE();
}
