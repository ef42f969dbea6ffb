# mkfifo and mknod (GNU coreutils 9 on the reference machine); devices are
# refused in the sandbox, so only FIFOs and usage errors are compared
### make a fifo
mkfifo p; stat -c '%F' p
--- stdout
fifo

### several fifos
mkfifo a b; ls
--- stdout
a
b

### fifo mode
mkfifo -m 600 p; stat -c '%A' p
--- stdout
prw-------

### fifo symbolic mode
mkfifo -m u=rw,g=r p; stat -c '%a' p
--- stdout
646

### fifo invalid mode
mkfifo -m bad p; echo $?
--- stdout
1
--- stderr
mkfifo: invalid mode

### fifo missing operand
mkfifo
--- stderr
mkfifo: missing operand
Try 'mkfifo --help' for more information.
--- status 1

### fifo exists
mkfifo p; mkfifo p; echo $?
--- stdout
1
--- stderr
mkfifo: cannot create fifo 'p': File exists

### fifo missing directory
mkfifo d/p; echo $?
--- stdout
1
--- stderr
mkfifo: cannot create fifo 'd/p': No such file or directory

### fifo goes on after error
mkfifo d/p q; echo $?; ls
--- stdout
1
q
--- stderr
mkfifo: cannot create fifo 'd/p': No such file or directory

### mknod fifo
mknod p p; stat -c '%F' p
--- stdout
fifo

### mknod fifo with mode
mknod -m 640 p p; stat -c '%a' p
--- stdout
640

### mknod missing operand
mknod
--- stderr
mknod: missing operand
Try 'mknod --help' for more information.
--- status 1

### mknod missing type
mknod x
--- stderr
mknod: missing operand after ‘x’
Try 'mknod --help' for more information.
--- status 1

### mknod missing numbers
mknod x b
--- stderr
mknod: missing operand after ‘b’
Special files require major and minor device numbers.
Try 'mknod --help' for more information.
--- status 1

### mknod missing minor
mknod x c 1
--- stderr
mknod: missing operand after ‘1’
Try 'mknod --help' for more information.
--- status 1

### mknod invalid type
mknod x q 1 2
--- stderr
mknod: invalid device type ‘q’
Try 'mknod --help' for more information.
--- status 1

### mknod fifo with numbers
mknod x p 1 2
--- stderr
mknod: extra operand ‘1’
Fifos do not have major and minor device numbers.
Try 'mknod --help' for more information.
--- status 1

### mknod fifo exists
touch x; mknod x p; echo $?
--- stdout
1
--- stderr
mknod: x: File exists

### mknod invalid major number
mknod x c a 1; echo $?
--- stdout
1
--- stderr
mknod: invalid major device number ‘a’

### mknod missing directory
mknod d/p p; echo $?
--- stdout
1
--- stderr
mknod: d/p: No such file or directory

### mknod invalid mode
mknod -m bad x p; echo $?
--- stdout
1
--- stderr
mknod: invalid mode
