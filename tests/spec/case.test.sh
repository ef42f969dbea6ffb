# case: spec cases recorded from bash 5.2
### case simple
case b in a) echo A;; b) echo B;; esac
--- stdout
B

### case default
case z in a) echo A;; *) echo default;; esac
--- stdout
default

### case alternatives
case two in one|two) echo matched;; esac
--- stdout
matched

### case glob class
case x5 in x[0-9]) echo digit;; esac
--- stdout
digit

### case fallthrough ;&
case a in a) echo one;& b) echo two;& c) echo three;; d) echo four;; esac
--- stdout
one
two
three

### case ;;& continues testing
case abc in a*) echo starts-a;;& *c) echo ends-c;;& x*) echo x;; *) echo any;; esac
--- stdout
starts-a
ends-c
any

### case no match status
case a in b) echo;; esac; echo $?
--- stdout
0

### case status of body
case a in a) false;; esac; echo $?
--- stdout
1

### case quoted pattern literal
case '*' in '*') echo star;; esac; case x in '*') echo no;; *) echo other;; esac
--- stdout
star
other

### case variable pattern glob
p='a*'; case abc in $p) echo glob;; esac; case abc in "$p") echo lit;; *) echo nolit;; esac
--- stdout
glob
nolit

### case leading paren
case a in (a) echo paren;; esac
--- stdout
paren

### case empty body
case a in a) ;; esac; echo $?
--- stdout
0

### case on empty string
case "" in "") echo empty;; esac
--- stdout
empty

### case extglob
shopt -s extglob; case foo.txt in @(*.txt|*.md)) echo doc;; esac
--- stderr
vbash: -c: line 1: syntax error near unexpected token `('
vbash: -c: line 1: `shopt -s extglob; case foo.txt in @(*.txt|*.md)) echo doc;; esac'
--- status 2

### case nocasematch
shopt -s nocasematch; case ABC in abc) echo ci;; esac
--- stdout
ci

### case newline layout
case x in
  x)
    echo on-x
    ;;
  *)
    echo other
    ;;
esac
--- stdout
on-x

### case last item without ;;
case a in a) echo last
esac
--- stdout
last

### case word expansion
v=hello; case ${v^^} in HELLO) echo upper;; esac
--- stdout
upper

### case pattern with bracket negation
case b in [!a]) echo not-a;; esac
--- stdout
not-a

### case escape in pattern
case 'a?' in a\?) echo q;; esac; case ab in a\?) echo no;; *) echo none;; esac
--- stdout
q
none

### case in function with return
f() { case $1 in y) return 0;; *) return 1;; esac; }; f y && echo yes; f n || echo no
--- stdout
yes
no

### case fallthrough to end
case a in a) echo x;& esac; echo $?
--- stdout
x
0

### case tilde
HOME=/h; case /h/x in ~/x) echo tilde;; esac
--- stdout
tilde

### case nested
case a in a) case b in b) echo inner;; esac;; esac
--- stdout
inner
