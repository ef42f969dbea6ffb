# chown and chgrp (GNU coreutils 9 on the reference machine). The host runs
# as root and the sandbox as "user", so real changes of owner are tested in
# tests/unit/fileutils_test.c; these cases compare what does not depend on it
### missing operand
chown
--- stderr
chown: missing operand
Try 'chown --help' for more information.
--- status 1

### missing file operand
chown root
--- stderr
chown: missing operand after ‘root’
Try 'chown --help' for more information.
--- status 1

### invalid user
touch f; chown nosuchuser f; echo $?
--- stdout
1
--- stderr
chown: invalid user: ‘nosuchuser’

### invalid group
touch f; chown root:nosuchgroup f; echo $?
--- stdout
1
--- stderr
chown: invalid group: ‘root:nosuchgroup’

### invalid group alone
touch f; chown :nosuchgroup f; echo $?
--- stdout
1
--- stderr
chown: invalid group: ‘:nosuchgroup’

### missing file
chown -f 0 nope; echo $?; chown 0 nope; echo $?
--- stdout
1
1
--- stderr
chown: cannot access 'nope': No such file or directory

### verbose missing file
chown -v 0:0 nope; echo $?
--- stdout
failed to change ownership of 'nope' to 0:0
1
--- stderr
chown: cannot access 'nope': No such file or directory

### empty spec changes nothing
touch f; chown : f; echo $?
--- stdout
0

### empty spec verbose
touch f; chown -v : f
--- stdout
ownership of 'f' retained

### from that does not match
touch f; chown --from=4242 0 f; echo $?
--- stdout
0

### missing reference
touch f; chown --reference=nope f; echo $?
--- stdout
1
--- stderr
chown: failed to get attributes of 'nope': No such file or directory

### dot form warning
touch f; chown -f nosuch.nosuch f; echo $?
--- stdout
1
--- stderr
chown: invalid user: ‘nosuch.nosuch’

### chgrp missing operand
chgrp
--- stderr
chgrp: missing operand
Try 'chgrp --help' for more information.
--- status 1

### chgrp missing file operand
chgrp root
--- stderr
chgrp: missing operand after ‘root’
Try 'chgrp --help' for more information.
--- status 1

### chgrp invalid group
touch f; chgrp nosuchgroup f; echo $?
--- stdout
1
--- stderr
chgrp: invalid group: ‘nosuchgroup’

### chgrp missing file
chgrp 0 nope; echo $?
--- stdout
1
--- stderr
chgrp: cannot access 'nope': No such file or directory

### chgrp verbose missing file
chgrp -v 0 nope; echo $?
--- stdout
failed to change group of 'nope' to 0
1
--- stderr
chgrp: cannot access 'nope': No such file or directory

### chgrp quiet missing file
chgrp -f 0 nope; echo $?
--- stdout
1

### chgrp bad option
chgrp -k 0 f
--- stderr
chgrp: invalid option -- 'k'
Try 'chgrp --help' for more information.
--- status 1

### chgrp missing reference
touch f; chgrp --reference=nope f; echo $?
--- stdout
1
--- stderr
chgrp: failed to get attributes of 'nope': No such file or directory

### chgrp recursive missing
chgrp -R 0 nope; echo $?
--- stdout
1
--- stderr
chgrp: cannot access 'nope': No such file or directory

### chgrp changes verbose missing
chgrp -c 0 nope; echo $?
--- stdout
1
--- stderr
chgrp: cannot access 'nope': No such file or directory

### chgrp goes on after error
touch f; chgrp -f nosuchgroup f; echo $?
--- stdout
1
--- stderr
chgrp: invalid group: ‘nosuchgroup’
