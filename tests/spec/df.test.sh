# df (GNU coreutils 9 on the reference machine); sizes and device names
# differ from the host, so cases keep to fields that do not
### target column
df --output=target /
--- stdout
Mounted on
/

### file column
touch f; df --output=file f
--- stdout
File
f

### target of a file
touch f; df --output=target f
--- stdout
Mounted on
/

### missing file
df nope; echo $?
--- stdout
1
--- stderr
df: nope: No such file or directory

### missing file with output
df --output=target nope; echo $?
--- stdout
1
--- stderr
df: nope: No such file or directory

### unknown field
df --output=bogus; echo $?
--- stdout
1
--- stderr
df: option --output: field ‘bogus’ unknown
Try 'df --help' for more information.

### field twice
df --output=target,target; echo $?
--- stdout
1
--- stderr
df: option --output: field ‘target’ used more than once
Try 'df --help' for more information.

### output conflicts with -i
df -i --output=target; echo $?
--- stdout
1
--- stderr
df: options -i and --output are mutually exclusive
Try 'df --help' for more information.

### type both selected and excluded
df -t ext4 -x ext4; echo $?
--- stdout
1
--- stderr
df: file system type ‘ext4’ both selected and excluded

### header with inodes
df -i / | head -1 | cut -c1-10
--- stdout
Filesystem

### header with posix
df -P / | head -1 | cut -c1-10
--- stdout
Filesystem

### inodes columns
df --output=itotal,iused / | head -1 | tr -s ' '
--- stdout
 Inodes IUsed

### size and use headers
df --output=size,used,avail,pcent / | head -1 | tr -s ' '
--- stdout
1K-blocks Used Avail Use%

### source and fstype headers
df --output=source,fstype / | head -1
--- stdout
Filesystem     Type

### human headers
df -h --output=size,target / | head -1
--- stdout
 Size Mounted on

### bad block size
df -B x /; echo $?
--- stdout
1
--- stderr
df: invalid -B argument 'x'

### bad option
df --bogus; echo $?
--- stdout
1
--- stderr
df: unrecognized option '--bogus'
Try 'df --help' for more information.

### missing file among others
touch f; df --output=file f nope f; echo $?
--- stdout
File
f
f
1
--- stderr
df: nope: No such file or directory

### file column keeps operand spelling
mkdir -p d/e; df --output=file d/e ./d
--- stdout
File
d/e
./d

### several output options
df --output=target --output=file / | head -1

--- stdout
Mounted on File
