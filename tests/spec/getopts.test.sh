# getopts: spec cases recorded from bash 5.2
### getopts basic
set -- -a -b arg c; while getopts ab: o; do echo "$o ${OPTARG-}"; done; echo $OPTIND
--- stdout
a 
b arg
4

### getopts bundled
set -- -ab -c val; while getopts abc: o; do echo "$o ${OPTARG-}"; done
--- stdout
a 
b 
c val

### getopts attached arg
set -- -cval; while getopts c: o; do echo "$o $OPTARG"; done
--- stdout
c val

### getopts invalid option message
set -- -x; getopts ab o; echo "$o $?"
--- stdout
? 0
--- stderr
vbash: illegal option -- x

### getopts silent invalid
set -- -x; getopts :ab o; echo "$o $OPTARG"
--- stdout
? x

### getopts missing argument message
set -- -b; getopts ab: o; echo "$o $?"
--- stdout
? 0
--- stderr
vbash: option requires an argument -- b

### getopts silent missing argument
set -- -b; getopts :ab: o; echo "$o $OPTARG"
--- stdout
: b

### getopts end of options
set -- -a -- -b; while getopts ab o; do echo $o; done; echo $OPTIND
--- stdout
a
3

### getopts stops at non option
set -- -a file -b; while getopts ab o; do echo $o; done; echo $OPTIND
--- stdout
a
2

### getopts with explicit args
while getopts xy o -x -y -x; do echo $o; done
--- stdout
x
y
x

### getopts OPTIND reset
set -- -a; getopts a o; echo $o; OPTIND=1; getopts a o; echo $o $OPTIND
--- stdout
a
a 2

### getopts OPTERR=0
OPTERR=0; set -- -z; getopts a o; echo "$o"
--- stdout
?

### getopts no options left status
set -- arg; getopts a o; echo "$? $o $OPTIND"
--- stdout
1 ? 1

### getopts usage
getopts; echo $?
--- stdout
2
--- stderr
getopts: usage: getopts optstring name [arg ...]

### getopts in function with local OPTIND
f() { local OPTIND o; while getopts v o; do echo "f:$o"; done; }; f -v; f -v
--- stdout
f:v
f:v

### getopts shift after
set -- -a -b x y; while getopts ab o; do :; done; shift $((OPTIND-1)); echo "$@"
--- stdout
x y

### getopts option char colon
set -- -:; getopts a: o; echo "$o"
--- stdout
?
--- stderr
vbash: illegal option -- :

### getopts dash alone
set -- -; getopts a o; echo "$? $o $OPTIND"
--- stdout
1 ? 1

### getopts numeric options
set -- -1 -2; while getopts 12 o; do echo $o; done
--- stdout
1
2

### getopts invalid var name
getopts a 1x -a; echo $?
--- stdout
1
--- stderr
vbash: line 1: getopts: `1x': not a valid identifier

### getopts arg is next word even if dash
set -- -b -a; getopts b: o; echo "$o $OPTARG"
--- stdout
b -a
