# awk, part 3 (GNU awk 5 on the reference machine): the order of
# `for (k in a)` (gawk's array layout), PROCINFO["sorted_in"], asort/asorti
# orders, and details checked against gawk.
### forin split keys 1..20
awk 'BEGIN{n=split("a b c d e f g h i j k l m n o p q r s t",a); for(k in a) printf "%s ", k; print ""}'
--- stdout
1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 

### forin integer keys from 0
awk 'BEGIN{for(i=0;i<40;i++)a[i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 

### forin string keys a..z
awk 'BEGIN{split("a b c d e f g h i j k l m n o p q r s t u v w x y z",l); for(i=1;i<=26;i++)a[l[i]]; for(k in a) printf "%s ", k; print ""}'
--- stdout
u h v i w j x k y l z m n a o b p c q d r e s f t g 

### forin mixed keys
awk 'BEGIN{for(i=1;i<=5;i++)a[i]; a["x"];a[-1]; a[1.5]; for(k in a) printf "%s ", k; print ""}'
--- stdout
-1 x 1.5 1 2 3 4 5 

### forin string first then integers
awk 'BEGIN{a["x"]; for(i=0;i<30;i++) a[i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
26 17 4 27 18 5 28 19 6 29 7 x 8 9 10 20 11 21 12 22 13 0 23 14 1 24 15 2 25 16 3 

### forin negative keys
awk 'BEGIN{for(i=-1;i>-40;i--) a[i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
-10 -22 -17 -19 -38 -12 -7 -36 -21 -25 -35 -16 -30 -34 -39 -18 -9 -33 -11 -26 -28 -2 -15 -23 -6 -32 -4 -37 -20 -3 -5 -13 -24 -14 -27 -1 -29 -31 -8 

### forin negative and positive
awk 'BEGIN{for(i=-50;i<50;i++) a[i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
-10 0 42 -22 30 -17 -19 -48 -38 49 10 31 -12 41 -7 15 -36 34 -47 8 -21 -25 17 -35 36 11 -16 5 -30 46 -40 4 -34 -39 19 12 -18 -43 48 23 -9 45 2 20 -33 37 -11 38 21 -26 13 -2 39 -28 -42 28 -15 -23 26 35 -6 24 6 -32 9 -4 -37 -20 43 -46 3 1 -3 -5 25 47 -13 -24 -14 18 44 -41 33 -50 -27 -44 29 16 -45 7 22 40 27 32 -29 -1 -49 -31 14 -8 

### forin after deleting every other key
awk 'BEGIN{for(i=-50;i<50;i++) a[i]; for(i=-50;i<50;i+=2) delete a[i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
-17 -19 49 31 41 -7 15 -47 -21 -25 17 -35 11 5 -39 19 -43 23 -9 45 -33 37 -11 21 13 39 -15 -23 35 9 -37 43 3 1 -3 -5 25 47 -13 -41 33 -27 29 -45 7 27 -29 -1 -49 -31 

### forin after deletes and promotion
awk 'BEGIN{a["x"]; for(i=0;i<50;i++) a[i]; delete a["x"]; a[-3]; for(k in a) printf "%s ", k; print ""}'
awk 'BEGIN{a[-1]; a["x"]; a[5]; delete a[-1]; delete a[5]; a[7]; a["y"]; for(k in a) printf "%s ", k; print ""}'
awk 'BEGIN{a[5]; a[-1]; a["x"]; a[3000000]; delete a[5]; a[6]; for(k in a) printf "%s ", k; print ""}'
--- stdout
-3 10 11 12 13 14 15 16 30 17 31 18 32 19 33 34 35 36 37 38 39 0 1 2 3 4 5 6 7 8 9 20 21 22 23 24 25 26 40 27 41 28 42 29 43 44 45 46 47 48 49 
7 x y 
x -1 6 3000000 

### forin sparse integers
awk 'BEGIN{a[1]; a[1e6]; a[2e6]; a[3e6]; a[4e6]; a[2]; for(k in a) printf "%s ", k; print ""}'
awk 'BEGIN{for (i=0;i<40;i++) a[i*100000]; for(k in a) printf "%s ", k; print ""}'
awk 'BEGIN{for(i=0;i<100;i++) a[i*i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
4000000 3000000 2 1 1000000 2000000 
2700000 2200000 2300000 3900000 1300000 3700000 1000000 1900000 2600000 3100000 1400000 1800000 1100000 3800000 3300000 500000 2000000 2900000 700000 900000 3400000 3000000 3200000 1700000 2800000 1500000 1600000 3600000 2100000 2400000 800000 1200000 2500000 3500000 0 100000 200000 300000 400000 600000 
6889 5476 7225 4624 4900 4356 8281 8649 7396 3969 5776 8836 6084 7744 5929 7569 7056 8464 6561 8100 5329 7921 3481 3600 4761 5625 9801 9409 9604 3721 9025 6724 9216 4225 4096 5184 6400 6241 5041 4489 3844 0 1 4 9 16 25 36 49 64 81 100 121 144 169 196 225 256 289 324 361 400 441 484 529 576 625 676 729 784 841 900 961 1024 1089 1156 1225 1296 1369 1444 1521 1600 1681 1764 1849 1936 2025 2116 2209 2304 2401 2500 2601 2704 2809 2916 3025 3136 3249 3364 

### forin keys that are not integers
awk 'BEGIN{a[01]; a["01"]; a["+1"]; a[1.0]; a[" 2"]; a[2147483647]; a[2147483648]; a[-2147483648]; a[-2147483649]; for(k in a) printf "%s|", k; print ""}'
--- stdout
+1|2147483648| 2|-2147483648|-2147483649|01|1|2147483647|

### forin 1000 string keys
awk 'BEGIN{for(i=0;i<1000;i++) a["k" i]; for(k in a) s = s k " "; print s}' | md5sum
--- stdout
10d340fced10c00fb7ae6f3d42d1eb51  -

### forin 1000 integer keys
awk 'BEGIN{for(i=0;i<1000;i++) a[i*i]; for(k in a) s = s k " "; print s}' | md5sum
awk 'BEGIN{for(i=0;i<3000;i++) a[int(i*7919%100003)]; for(k in a) s = s k " "; print s}' | md5sum
awk 'BEGIN{for(i=-500;i<500;i++) a[i]; for(k in a) s = s k " "; print s}' | md5sum
--- stdout
b25e7ff5b8cc44485e67cd4826ffe3f9  -
c586efadc9b715e24eda88e33f01d8c3  -
40566b55d79eed2aa66f576cc0147ad6  -

### forin 5000 keys half deleted
awk 'BEGIN{for(i=0;i<5000;i++) a[i]; for(i=0;i<5000;i+=2) delete a[i]; for(k in a) s = s k " "; print s}' | md5sum
awk 'BEGIN{for(i=0;i<500;i++) a[i]; for(i=0;i<500;i+=3) delete a[i]; a["z"]; a[-4]; for(i=0;i<200;i++) a["q" i]; for(i=0;i<100;i++) delete a["q" i*2]; for(k in a) s = s k " "; print s}' | md5sum
--- stdout
e1b93bdf4a38f88ff8d96e075c84c01e  -
c3ce637535284ab53eb9238a4fb3a1cb  -

### forin word count
printf '%s\n' b a c 10 9 1 b the quick brown fox a b | awk '{c[$1]++} END{for(k in c) print k, c[k]}'
--- stdout
fox 1
quick 1
brown 1
the 1
9 1
10 1
a 2
b 3
c 1
1 1

### forin word count string first
printf '%s\n' the quick 10 9 1 brown fox a b 10 | awk '{c[$1]++} END{for(k in c) print k, c[k]}'
--- stdout
fox 1
quick 1
brown 1
9 1
the 1
a 1
10 2
b 1
1 1

### forin bytes above 127
awk 'BEGIN{a["é"]; a["ü"]; a["a"]; a["\377"]; a["zz"]; for(k in a) printf "%s ", k; print ""}'
--- stdout
é a � zz ü 

### forin multidimensional keys
awk 'BEGIN{a[1,2]; a[2,1]; a["x","y"]; a[3,3]; for(k in a) {split(k, p, SUBSEP); print p[1], p[2]}}'
--- stdout
2 1
x y
3 3
1 2

### forin visits keys deleted by the body
awk 'BEGIN{a[1];a[2];a[3]; for(k in a){print k; delete a[3]}}'
awk 'BEGIN{a[1];a[2];a[3]; for(k in a){print k; delete a}}'
--- stdout
1
2
3
1
2
3

### forin index is a string
awk 'BEGIN{a[9];a[10]; for(k in a) if (k > max) max=k; print max; for (k in a) print typeof(k)}'
echo abc 5 | awk '{a["x"]; a[$2]; a[$1]} END{for(k in a) print k, typeof(k)}'
--- stdout
9
string
string
5 strnum
x string
abc string

### forin split and asort results
awk 'BEGIN{split("z y x w v u t s r q p", f); for (k in f) printf "%s=%s ", k, f[k]; print ""; n = split("3 1 2 10 -1 b a", v); asort(v); for (k in v) printf "%s=%s ", k, v[k]; print ""}'
--- stdout
1=z 2=y 3=x 4=w 5=v 6=u 7=t 8=s 9=r 10=q 11=p 
1=-1 2=1 3=2 4=3 5=10 6=a 7=b 

### sorted_in user function
awk 'function cmp(i1,v1,i2,v2){print "cmp", i1, i2; return i1<i2?-1:i1>i2} BEGIN{PROCINFO["sorted_in"]="cmp"; a[10]=1;a[9]=2;a["x"]=3; for(k in a) print k}'
--- stdout
cmp 9 10
cmp x 10
cmp x 9
10
9
x

### sorted_in user function by value then index
awk 'function byval(i1,v1,i2,v2){ if (v1 != v2) return v1 < v2 ? -1 : 1; return 0 } BEGIN{PROCINFO["sorted_in"]="byval"; n=split("5 3 5 1 3 5 2", v); for (i in v) a["k" i] = v[i]; for(k in a) print k, a[k]}'
--- stdout
k4 1
k7 2
k2 3
k5 3
k1 5
k3 5
k6 5

### sorted_in user function ties keep list order
awk 'function zero(i1,v1,i2,v2){ return 0 } BEGIN{PROCINFO["sorted_in"]="zero"; for(i=0;i<20;i++) a["w" i]; for(k in a) printf "%s ", k; print ""}'
--- stdout
w2 w3 w4 w10 w5 w11 w6 w12 w7 w13 w8 w14 w9 w15 w16 w17 w18 w0 w19 w1 

### sorted_in user function arguments
awk 'function f(i1,v1,i2,v2){ printf "%s %s %s %s|", typeof(i1), typeof(v1), i1, v1; return v1 - v2 } BEGIN{PROCINFO["sorted_in"]="f"; a["p"]=3; a["q"]="x"; a["r"]=1; for(k in a) print k}'
--- stdout
string string q x|string number p 3|string number p 3|q
r
p

### sorted_in every predefined order
awk 'BEGIN{a["b"]=2; a["a"]=10; a["10"]="x"; a["9"]=2; a["c"]="10"; a["B"]=1; a[-1]=""; a["d"];
  n = split("@unsorted @ind_str_asc @ind_str_desc @ind_num_asc @ind_num_desc @val_str_asc @val_str_desc @val_num_asc @val_num_desc @val_type_asc @val_type_desc", o)
  for (i = 1; i <= n; i++) { PROCINFO["sorted_in"] = o[i]; s = o[i] ":"; for (k in a) s = s " " k; print s } }'
--- stdout
@unsorted: B -1 9 10 a b c d
@ind_str_asc: -1 10 9 B a b c d
@ind_str_desc: d c b a B 9 10 -1
@ind_num_asc: -1 B a b c d 9 10
@ind_num_desc: 10 9 d c b a B -1
@val_str_asc: d -1 B a c 9 b 10
@val_str_desc: 10 b 9 c a B -1 d
@val_num_asc: d -1 10 B 9 b a c
@val_num_desc: c a b 9 B 10 -1 d
@val_type_asc: d B 9 b a -1 c 10
@val_type_desc: 10 c -1 a b 9 B d

### sorted_in ties by index
echo 'x 1
y 1
a 1
b 2
c 1.0
d 01' | awk '{v[$1]=$2} END{PROCINFO["sorted_in"]="@val_num_asc"; for(k in v) printf "%s ", k; print ""; PROCINFO["sorted_in"]="@val_num_desc"; for(k in v) printf "%s ", k; print ""; PROCINFO["sorted_in"]="@val_str_asc"; for(k in v) printf "%s ", k; print ""}'
--- stdout
d a x y c b 
b c y x a d 
d a x y c b 

### sorted_in numeric index order
awk 'BEGIN{a["10"]; a["9"]; a["abc"]; a["1e1"]; a["-3"]; a["0x10"]; a[""]; a["+inf"]; a["nan"]; PROCINFO["sorted_in"]="@ind_num_asc"; for(k in a) printf "[%s]", k; print ""; PROCINFO["sorted_in"]="@ind_num_desc"; for(k in a) printf "[%s]", k; print ""}'
--- stdout
[-3][][0x10][abc][nan][9][10][1e1][+inf]
[+inf][1e1][10][9][nan][abc][0x10][][-3]

### sorted_in with IGNORECASE
awk 'BEGIN{IGNORECASE=1; a["b"]; a["A"]; a["a"]; a["B"]; a["c"]; PROCINFO["sorted_in"]="@ind_str_asc"; for(k in a) printf "%s ", k; print ""; PROCINFO["sorted_in"]="@ind_str_desc"; for(k in a) printf "%s ", k; print ""}'
--- stdout
A a B b c 
c b B a A 

### sorted_in value type order
awk 'BEGIN{PROCINFO["sorted_in"]="@val_type_asc"; a["q"]; a["r"]=1; a["s"]="z"; a["t"]; a["u"]="10"; a["v"]=-2; for(k in a) printf "%s ", k; print ""}'
--- stdout
q t v r u s 

### sorted_in empty and unsorted
awk 'BEGIN{PROCINFO["sorted_in"]=""; a[2]; a[1]; a["x"]; for(k in a) printf "%s ", k; print ""; PROCINFO["sorted_in"]="@unsorted"; for(k in a) printf "%s ", k; print ""}'
--- stdout
x 1 2 
x 1 2 

### sorted_in unknown function
awk 'BEGIN{PROCINFO["sorted_in"]="@foo"; a[1]; for(k in a) print k}'
--- stderr
awk: cmd. line:1: fatal: sort comparison function `@foo' is not defined
--- status 2

### sorted_in invalid function name
awk 'BEGIN{PROCINFO["sorted_in"]="a b"; a[1]; for(k in a) print k}'
--- stderr
awk: cmd. line:1: fatal: `a b' is invalid as a function name
--- status 2

### sorted_in not checked for an empty array
awk 'BEGIN{PROCINFO["sorted_in"]="nope"; for(k in a) print k; print "ok"}'
--- stdout
ok

### asort with a function
awk 'function f(i1,v1,i2,v2){return v2-v1} BEGIN{a[1]=3;a[2]=1;a[3]=2; n=asort(a,b,"f"); for(i=1;i<=n;i++) print b[i]}'
--- stdout
3
2
1

### asorti by value
awk 'BEGIN{a["x"]=3;a["y"]=1;a["z"]; n=asorti(a,b,"@val_num_asc"); for(i=1;i<=n;i++) print b[i]}'
--- stdout
z
y
x

### asort unknown order
awk 'BEGIN{a[1]=3;a[2]=1; n=asort(a,b,"foo"); print n}'
--- stderr
awk: cmd. line:1: fatal: sort comparison function `foo' is not defined
--- status 2

### asort default mixes numbers and strings
awk 'BEGIN{split("b 10 a 9 -1 B 1e3", a); n = asort(a); for (i = 1; i <= n; i++) printf "[%s]", a[i]; print ""; n = asorti(a, c); for (i = 1; i <= n; i++) printf "%s ", c[i]; print ""}'
--- stdout
[-1][9][10][1e3][B][a][b]
1 2 3 4 5 6 7 

### printf %c with numbers and strings
awk 'BEGIN{printf "%c|%c|%c|%c|%c\n", 65, "hello", 256, 9731, 65.9}' | od -c
--- stdout
0000000   A   |   h   | 304 200   | 342 230 203   |   A  \n
0000015

### printf %c of an empty string
awk 'BEGIN{printf "[%c]\n", ""}' | od -c
--- stdout
0000000   [  \0   ]  \n
0000004

### printf %i %.Ns %*d
awk 'BEGIN{printf "%i|%5.2s|%*d|%-*d|%.*f|\n", 3.9, "abcdef", 5, 42, 4, 7, 2, 3.14159}'
--- stdout
3|   ab|   42|7   |3.14|

### printf flags
awk 'BEGIN{printf "%-+5d|%+ d|% d|%#o|%#x|%05d|%-05d|%+.3e|%.3g|%g|%G\n", 3, 4, 5, 8, 255, -42, 7, 12345.678, 0.0001234, 1e100, 1e-10}'
--- stdout
+3   |+4| 5|010|0xff|-0042|7    |+1.235e+04|0.000123|1e+100|1E-10

### printf rounding
awk 'BEGIN{printf "%.0e %.0f %.1f %.2f %g %g %.3g %#g %#.0f\n", 2.5, 2.5, 0.25, 1.005, 100000, 1000000, 2.0005, 1, 3}'
--- stdout
2e+00 2 0.2 1.00 100000 1e+06 2 1.00000 3.

### printf integers from strings and huge values
awk 'BEGIN{printf "%d %d %d %d %x\n", "0x1A", 1e30, -1e30, "12abc", 2^40}'
--- stdout
0 1000000000000000019884624838656 -1000000000000000019884624838656 12 10000000000

### printf inf and nan
awk 'BEGIN{i=-log(0); n=-log(-1); printf "%x|%X|%o|%u|%5d|%-6i|%e|%f|%g|%.2d|%+d|%E|%G|%F\n", i, -i, i, n, i, -i, i, -i, n, i, i, i, -i, i}' 2>/dev/null
--- stdout
+inf|-INF|+inf|+nan|+inf|-inf|+inf|-inf|+nan|+inf|+inf|+INF|-INF|+INF

### nan and inf print and compare
awk 'BEGIN{n=log(-1); print (n==n), (n!=n), (n<1), (n>1), (1<n), (n>=n), (n<=n), (n==1); print -log(0), log(0), n, -n}' 2>/dev/null
--- stdout
0 1 0 0 0 0 0 0
+inf -inf -nan +nan

### nan is true
awk 'BEGIN{x = log(-1); if (x) print "t"; else print "f"; print !x, x+1, int(x), x*0}' 2>/dev/null
--- stdout
t
0 -nan -nan -nan

### minus zero
awk 'BEGIN{x = -0; print x, -0, 0 * -1; printf "%d %s %.1f\n", -0, -0, -0.0}'
--- stdout
0 0 0
0 0 -0.0

### number to string CONVFMT OFMT
awk 'BEGIN{CONVFMT="%.2f"; a = 3.14159; b = a ""; print b; OFMT="%.3f"; print a, a ""; print 17, 17.0, 1e6, 1e17, 2^53, 2^53+1, 100000 * 100000, 0.1+0.2}'
--- stdout
3.14
3.142 3.14
17 17 1000000 100000000000000000 9007199254740992 9007199254740992 10000000000 0.300

### integers print as integers
awk 'BEGIN{print 1e300*1e300, -1e300*1e300, 2^63, 2^64, -2^63, 1e15, 1e16, 123456789012345678}'
--- stdout
+inf -inf 9223372036854775808 18446744073709551616 -9223372036854775808 1000000000000000 10000000000000000 123456789012345680

### substr edge cases
awk 'BEGIN{print substr("hello", 0) "|" substr("hello", -1, 3) "|" substr("hello", 1.5, 2) "|" substr("hello", 2, 1.5) "|" substr("hello", 5, 10) "|" substr("hello", 6) "|" substr("hello", 1.4, 1.6) "|" substr("hello", "x") "|" substr("hello", 2, -1) "|" substr("hello", 1e100) "|"}'
--- stdout
hello|hel|he|e|o||h|hello|||

### split with separators array
awk 'BEGIN{n = split("a1b2c", arr, /[0-9]/, seps); print n, arr[1], arr[3], seps[1], seps[2]; n = split("  a b  ", arr2, " ", s2); print n, "[" s2[0] "]", "[" s2[1] "]", "[" s2[2] "]", length(s2)}'
--- stdout
3 a c 1 2
2 [  ] [ ] [  ] 3

### patsplit
awk 'BEGIN{n = patsplit("foo=1, bar=22x", a, /[0-9]+/, s); print n, a[1], a[2]; for (k in s) print k, "[" s[k] "]"}'
--- stdout
2 1 22
0 [foo=]
1 [, bar=]
2 [x]

### patsplit null matches and FPAT default
awk 'BEGIN{n = patsplit("abc", b, /x*/, t); print n; for (k in t) print "t" k, "[" t[k] "]"; FPAT="[a-z]+"; print patsplit("ab 12 cd", c), c[2]; print patsplit("", d), length(d); n=patsplit("12ab", e, "[0-9]", f); for (k in f) print "f" k, "[" f[k] "]"}'
--- stdout
4
t0 []
t1 [a]
t2 [b]
t3 [c]
t4 []
2 cd
0 0
f0 []
f1 []
f2 [ab]

### patsplit without fields
awk 'BEGIN{n = patsplit("abc", a, /[0-9]+/, s); print n, length(s), s[0]; n = patsplit("", a, /[0-9]+/, s); print n, length(s)}'
--- stdout
0 1 abc
0 0

### patsplit same array
awk 'BEGIN{patsplit("a1", a, /[0-9]/, a)}'
--- stderr
awk: cmd. line:1: fatal: patsplit: cannot use the same array for second and fourth args
--- status 2

### patsplit empty pattern
awk 'BEGIN{patsplit("a1", a, "")}'
--- stderr
awk: cmd. line:1: fatal: patsplit: third argument must be non-null
--- status 2

### FPAT csv
echo 'abc,"d,e",f' | awk 'BEGIN{FPAT="([^,]*)|(\"[^\"]+\")"} {print NF, $2}'
--- stdout
3 "d,e"

### FIELDWIDTHS with skip and rest
echo 'abcdefghij' | awk 'BEGIN{FIELDWIDTHS="2 3 1:2 *"} {print NF, $1, $2, $3, $4}'
--- stdout
4 ab cde gh ij

### RT with regex RS
printf 'a1b22c' | awk 'BEGIN{RS="[0-9]+"} {print NR, $0, "[" RT "]"}'
--- stdout
1 a [1]
2 b [22]
3 c []

### IGNORECASE in regex uses and comparisons
echo 'Hello World' | awk 'BEGIN{IGNORECASE=1} /hello/{print "m"} {print match($0, /WORLD/), gsub(/o/, "0"), $0; print ("abc" == "ABC"), ("abc" < "ABD"), index("Hello", "LL"), split("aXbxc", p, "x"), $0 ~ "WORLD"}'
--- stdout
m
7 2 Hell0 W0rld
1 1 3 2 0

### length without parens
echo 'a b c' | awk '{print length, length(), length $1}'
--- stdout
5 5 5a

### printf to dev stderr
awk 'BEGIN { printf "x" > "/dev/stderr"; print "y" > "/dev/stderr"; print "out" }'
--- stdout
out
--- stderr
xy

### -v escape processing
awk -v 's=a\tb\\n\101' 'BEGIN{print s}'
--- stdout
a	b\nA

### command-line assignments between files
printf '1\n2\n' > f1; printf '3\n' > f2; awk '{print v, $0}' v=1 f1 v=2 f2
--- stdout
1 1
1 2
2 3

### double dash
awk -- 'BEGIN{print "dd"}'
--- stdout
dd

### -F tab escape and -F t
printf 'a\tb c\n' | awk -F '\t' '{print $2}'; printf 'atb\n' | awk -F t '{print $2}'; printf 'a\tb\n' | awk -Ft '{print $2}'
--- stdout
b c
b


### uninitialised in numeric and string contexts
awk 'BEGIN{print x+0, x "", length(x), (x == 0), (x == ""), typeof(x)}'
--- stdout
0  0 1 1 unassigned

### delete whole array then reuse
awk 'BEGIN{a[1]; a[2]; delete a; print length(a); a["x"]=1; print length(a); for (k in a) print k}'
--- stdout
0
1
x

### SUBSEP
awk 'BEGIN{SUBSEP=":"; a[1,2]=3; for (k in a) print k; print ((1,2) in a)}'
--- stdout
1:2
1

### exit in END keeps the status
awk 'BEGIN{exit 3} END{print "end"; exit}'; echo $?
--- stdout
end
3

### division by zero
awk 'BEGIN{x = 1/0}'; echo $?
--- stdout
1
--- stderr
awk: cmd. line:1: error: division by zero attempted

### modulo by zero
awk 'BEGIN{x = 1%0}'; echo $?
--- stdout
1
--- stderr
awk: cmd. line:1: error: division by zero attempted in `%'

### syntax error caret
awk 'BEGIN{print 1 +* 2}'; echo $?
--- stdout
1
--- stderr
awk: cmd. line:1: BEGIN{print 1 +* 2}
awk: cmd. line:1:                ^ syntax error

### unterminated action
awk '{print $1' ; echo $?
--- stdout
1
--- stderr
awk: cmd. line:1: {print $1
awk: cmd. line:1:          ^ unexpected newline or end of string

### empty statement bodies
awk 'BEGIN{if (0) ; print "x"}'; awk 'BEGIN{while (i++ < 2) ; print i}'; awk 'BEGIN{for (k in a) ; print "z"}'; awk 'BEGIN{if (1) print "a"; else ; print "b"}'; awk 'BEGIN{do ; while (i++ < 3); print i}'
--- stdout
x
3
z
a
b
4

### if without a statement
awk 'BEGIN{if (1) }'; echo $?
--- stdout
1
--- stderr
awk: cmd. line:1: BEGIN{if (1) }
awk: cmd. line:1:              ^ syntax error

### for without a statement
awk 'BEGIN { while (0)
}'; echo $?
--- stdout
1
--- stderr
awk: cmd. line:2: }
awk: cmd. line:2: ^ syntax error

### function name used as a variable
awk 'function f(x) { return x }
BEGIN{
f = 1}
'; echo $?
awk 'function f(x) { f = 2; return x } BEGIN { print f(1) }'; echo $?
--- stdout
1
1
--- stderr
awk: cmd. line:3: error: function `f' called with space between name and `(',
or used as a variable or an array
awk: cmd. line:1: error: function `f' called with space between name and `(',
or used as a variable or an array

### fflush of an unknown name
awk 'BEGIN{print fflush(), fflush("nope"), fflush("/dev/stdout"); print "a" > "o1"; print fflush("o1")}'
--- stdout
0 -1 0
0
--- stderr
awk: cmd. line:1: warning: fflush: `nope' is not an open file, pipe or co-process

### strnum comparisons from input sources
echo '10 9 1e1 0x10 +5 .5 abc' | awk '{print ($1>$2), ($1==$3), ($4==16), ($5==5), ($6==0.5), ($7>1)}'
printf '10\n9\n' > nums; awk 'BEGIN{getline a < "nums"; getline b < "nums"; print (a > b); "echo 10" | getline c; print (c > 9), (c == "10")}'
awk 'BEGIN{print (ARGV[1] > ARGV[2]), (ARGV[1] == 10)}' 10 9
X=10 awk 'BEGIN{print (ENVIRON["X"] > 9), typeof(ENVIRON["X"])}'
awk 'BEGIN{split("10 9", a); print (a[1] > a[2]), typeof(a[1]); split("10,9", b, ","); print (b[1] > b[2])}'
echo '3.0 3' | awk '{print ($1 == $2), ($1 == "3"), ($1 "" == $2 "")}'
echo ' 12 ' | awk -F, '{print ($1 == 12), length($1)}'
--- stdout
1 1 0 1 1 1
1
1 1
1 1
1 strnum
1 strnum
1
1 0 0
1 4

### dynamic regex strings and literals
echo 'a.b' | awk '{print ($0 ~ "a.b"), ($0 ~ /a\.b/), ($0 ~ "a\\.b"), ("axb" ~ "a\\.b"), ("a+b" ~ /a\+b/)}'
awk 'BEGIN{print match("foo.bar", "\\."), match("a/b", /\//), match("tab\there", "\t"), ("x" ~ /[[:alpha:]]/), ("\\" ~ /\\/), ("]" ~ /[]]/)}'
--- stdout
1 1 1 0 1
4 2 4 1 1 1

### getline var from a file leaves NR
printf 'l1\nl2\nl3\n' > f3; awk 'NR==1{getline x < "f3"; print NR, FNR, x; getline; print NR, $0; getline y; print NR, y}' f3
--- stdout
1 1 l1
2 l2
3 l3

### close and system return values
awk 'BEGIN{print close("nothing"); print "a" > "o1"; print close("o1"); "exit 3" | getline; print close("exit 3"); print "x" | "cat >/dev/null; exit 5"; print close("cat >/dev/null; exit 5"); print system("exit 4"), system("true")}'
--- stdout
-1
0
3
5
4 0

### getline from dash
echo in | awk 'BEGIN{getline x < "-"; print "got", x}'
--- stdout
got in

### nextfile
printf 'a\nb\n' > g1; printf 'c\nd\n' > g2; awk 'FNR==2{nextfile} {print FILENAME, $0} END{print NR}' g1 g2
--- stdout
g1 a
g2 c
4

### printf star width and precision
awk 'BEGIN{printf "%*d|%.*f|%-*s|%*s|\n", -3, 1, -1, 2.5, "4", "ab", "2x", "c"}'
--- stdout
1  |2.500000|ab  | c|

### printf %s of a number uses CONVFMT
awk 'BEGIN{OFMT="%.2f"; CONVFMT="%.3f"; x=3.14159265; printf "%s %d %s\n", x, x, x ""; print x, x ""}'
--- stdout
3.142 3 3.142
3.14 3.142

### common one-liners
printf 'a b c\nd e f\na b c\n\n' > in1
awk '{ $1=""; print }' in1; awk 'NF' in1; awk '!seen[$0]++' in1; awk -v OFS='\t' '{$1=$1}1' in1; awk 'END{print NR, $0}' in1; awk '{print $NF}' in1
awk '{a[NR]=$0} END{for(i=NR;i>0;i--) print a[i]}' in1
printf 'k1 5\nk2 3\nk1 2\nk0 1\n' | awk '{s[$1]+=$2} END{for(k in s) print k, s[k]}'
printf 'a:b:c\n' | awk -F: '{NF--; print}'
--- stdout
 b c
 e f
 b c

a b c
d e f
a b c
a b c
d e f

a	b	c
d	e	f
a	b	c

4 
c
f
c


a b c
d e f
a b c
k1 7
k2 3
k0 1
a b

### non-ASCII letters
awk 'BEGIN{print toupper("héllo"), tolower("ÀB"), length("héllo"), substr("héllo", 2, 2), index("héllo", "l")}'
awk 'BEGIN{printf "%5s|%-5s|%.1s|\n", "é", "é", "éa"}'
--- stdout
HÉLLO àb 5 él 3
    é|é    |é|

### IGNORECASE with a one-letter FS and split
echo 'AbC' | awk 'BEGIN{IGNORECASE=1; FS="b"} {print $2; print split("xAyaz", q, "a"), q[2]}'
--- stdout
C
2 z

### CONVFMT for subscripts
awk 'BEGIN { CONVFMT = "%d"; a[12.7] = 1; for (k in a) print k; CONVFMT="%.2g"; b[0.1234] = 1; b[12] = 2; for (k in b) print k }'
--- stdout
12
0.12
12

### FS of one backslash
echo 'a\b' | awk -F'\\' '{print $2}'
printf 'a\\b\nc\n\nd\\e\n' | awk -F'\\' 'BEGIN{RS=""} {print NF, $2, $3}'
echo 'a\b' | awk '{n = split($0, q, "\\"); print n, q[2]}'
echo 'a^b]c' | awk -F'^' '{print $2}'; echo 'a^b]c' | awk -F']' '{print $2}'
--- stdout
b
3 b c
2 e 
2 b
b]c
c

### command-line operands and ARGV
printf 'a b\nc d\n' > p1
awk '{print v, $1}' 'v=x\ty' p1
awk 'BEGIN{ARGV[1]=""} {print FILENAME, $0}' nonexist p1
awk 'BEGIN{ARGV[2]="p1"; ARGC=3} {print FILENAME, $0}' p1
awk '{print}' FS=, p1
--- stdout
x	y a
x	y c
p1 a b
p1 c d
p1 a b
p1 c d
p1 a b
p1 c d
a b
c d

### paragraph mode and RS
printf 'a b\nc\n\n\nd e\nf\n' | awk 'BEGIN{RS=""} {print NR": " $1 "|" $2 "|" $3 "|" NF}'
printf 'a b\nc\n\n\nd e\nf\n' | awk 'BEGIN{RS=""; FS=":"} {print NR": " $1 "|" $2 "|" NF}'
printf 'x;y;z' | awk 'BEGIN{RS=";"} {print NR, $0} END{print RT "|"}'
printf 'one\n\ntwo\n' | awk 'BEGIN{RS="\n\n"} {print NR": " $0}'
--- stdout
1: a|b|c|3
2: d|e|f|3
1: a b|c|2
2: d e|f|2
1 x
2 y
3 z
|
1: one
2: two


### several -f files
printf 'BEGIN{x=1}\n' > pa; printf 'BEGIN{print x+1}\n' > pb; awk -f pa -f pb
--- stdout
2

### backslashes in replacements
awk 'BEGIN { s = "a\\b"; gsub(/\\/, "/", s); print s; t = "x"; gsub(/x/, "\\\\&", t); print t }'
awk 'BEGIN { s = "hello"; gsub(/l/, "\\&", s); print s; u = "hello"; print gensub(/l/, "\\\\", "g", u) }'
echo "1 2 3" | awk '{ $2 = ""; print; print NF }'
--- stdout
a/b
\x
he&&o
he\\o
1  3
3

### field edge cases
echo "  lead  trail  " | awk '{ print "[" $1 "]", NF; $1 = $1; print "[" $0 "]" }'
echo "a,b,,c," | awk -F, '{ print NF; for (i = 1; i <= NF; i++) printf "[%s]", $i; print "" }'
echo "a  b" | awk -F' ' '{print $2}'; echo "a  b" | awk -F'[ ]' '{print NF}'
echo "aXbxc" | awk -Fx '{print NF}'; echo "a|b|c" | awk -F'|' '{print $2}'; echo "a.b.c" | awk -F. '{print $3}'
echo 'a\b' | awk -F'\\' '{print $2}'
--- stdout
[lead] 2
[lead trail]
5
[a][b][][c][]
b
3
2
b
c
b

### exit statuses with END
awk 'BEGIN { exit 1 } END { print "end"; exit 4 }'; echo $?
echo x | awk '{ exit 2 } END { print "e" }'; echo $?
awk 'function f(n) { return n <= 1 ? 1 : n * f(n - 1) } BEGIN { print f(10), f(20) }'
--- stdout
end
4
e
2
3628800 2432902008176640000

### functions recursion and locals
awk 'function g(a, b) { b = a * 2; return b } BEGIN { print g(3), b }'
awk 'BEGIN { n = split("a b c", arr); delete arr[2]; print length(arr), (2 in arr), (3 in arr) }'
--- stdout
6 
2 0 1

### overflow and integer division
awk 'BEGIN { print int(3.999999999), int(-0.5), 7 / 2, 7 % -3, -7 % 3 }'
awk 'BEGIN { srand(1); a = rand(); srand(1); b = rand(); print (a == b), (a < 1), srand(5), srand() }'
--- stdout
3 0 3.5 1 -1
1 1 1 5

### comparison function changes the array
awk 'function c(i1,v1,i2,v2){ return v2 - v1 } BEGIN{for(i=0;i<30;i++) a["k" i]=(i*7)%11; n = asort(a, b, "c"); for (i = 1; i <= n; i++) printf "%s ", b[i]; print ""; n = asorti(a, d, "c"); for (i = 1; i <= n; i++) printf "%s ", d[i]; print ""}'
awk 'function c(i1,v1,i2,v2, t){ t = i1; return 0 } BEGIN{a[1]; a[2]; PROCINFO["sorted_in"]="c"; for (k in a) print k}'
awk 'function c(i1,v1){ return 0 } BEGIN{a[1]; a[2]; PROCINFO["sorted_in"]="c"; for (k in a) print k}'
--- stdout
10 10 10 9 9 9 8 8 7 7 7 6 6 6 5 5 5 4 4 3 3 3 2 2 2 1 1 0 0 0 
k25 k3 k14 k17 k28 k6 k9 k20 k1 k12 k23 k15 k26 k4 k18 k29 k7 k10 k21 k24 k2 k13 k16 k27 k5 k19 k8 k11 k22 k0 
1
2
1
2
--- stderr
awk: cmd. line:1: warning: function `c' called with more arguments than declared

### regexp escapes as gawk
awk 'BEGIN { print ("ab c" ~ /b\y/), ("abc" ~ /b\y/), ("abc" ~ /\Bb/), ("a c" ~ /a\sc/), ("abc" ~ /a\Sc/), ("abc" ~ /\w+/), ("a-" ~ /a\W/), ("abc" ~ /\`a/), ("abc" ~ /c\x27/), ("ab" ~ /\<ab\>/) }'
awk 'BEGIN { print ("abc" ~ "b\\y"), ("a\tb" ~ /a\tb/), ("a\tb" ~ "a\tb"), ("a\tb" ~ "a\\tb"), ("aA" ~ /a\x41/), ("a{" ~ /a\{/), ("a{2}" ~ /a{2}/), ("aa" ~ /a{2}/) }'
awk 'BEGIN { print ("abc" ~ /c\'"'"'/), ("a.c" ~ /a[.]c/), ("a]c" ~ /a[]]c/), ("a\\c" ~ /a[\\]c/), ("a^" ~ /a\^/), ("x$" ~ /x\$/) }'
--- stdout
1 0 1 1 1 1 1 1 0 1
0 1 1 1 1 1 0 1
1 1 1 1 1 1

### regexp escape warnings
awk 'BEGIN { x = "a" ~ /a\q\q/; y = "b" ~ /\q/; z = "c" ~ /\z/ }'
awk 'BEGIN { x = "a" ~ /[\q]/; print x }'
awk 'BEGIN { if (/x/ ~ "a") print 1; if (/x/ !~ "a") print 2}' < /dev/null
awk 'BEGIN { print "a8" ~ /a\8/, "a-" ~ /a\-/, "a/b" ~ /a\/b/, "a<" ~ /\</, "x y" ~ /x\sy/, "a.b" ~ /a\.b/, "a\"" ~ /a\"/ }'
--- stdout
0
2
1 1 1 1 1 1 1
--- stderr
awk: cmd. line:1: warning: regexp escape sequence `\q' is not a known regexp operator
awk: cmd. line:1: warning: regexp escape sequence `\z' is not a known regexp operator
awk: cmd. line:1: warning: regexp escape sequence `\q' is not a known regexp operator
awk: cmd. line:1: warning: regular expression on left of `~' or `!~' operator
awk: cmd. line:1: warning: regular expression on left of `~' or `!~' operator
awk: cmd. line:1: warning: regexp escape sequence `\8' treated as plain `8'
awk: cmd. line:1: warning: regexp escape sequence `\"' is not a known regexp operator

### split by a one-character regexp literal
awk 'BEGIN{n=split("abc", a, /./); print n; n = split("a.b", b, "."); print n; n = split("a|b", c, /|/); print n; n = split("a b", d, / /); print n}'
echo 'a.b.c' | awk 'BEGIN{FS="."} {print NF}'
echo 'a1b' | awk '{print gsub(/[[:digit:]]/, "X"), $0}'
--- stdout
4
2
1
2
3
1 aXb

### newlines inside parentheses
awk 'BEGIN{x = (
1); print x}'
awk 'BEGIN{x = (1
); print x}'
awk 'BEGIN{x = (1,
2) in a; print x}'
awk 'BEGIN{x = (1
,2) in a; print x}'
awk 'BEGIN{print (1,
2)}'
awk 'BEGIN{x = (1 +
2); print x}'
awk 'BEGIN{x = (1 &&
2); print x}'
awk '
BEGIN {
  x = (1 + 2
  print x
}'
awk 'BEGIN { if (1 &&
 2) print "ok" }'
awk 'BEGIN { while ((i++ < 2) ||
 0) n++; print n }'
--- stdout
0
1 2
1
ok
2
--- stderr
awk: cmd. line:2: BEGIN{x = (
awk: cmd. line:2:            ^ unexpected newline or end of string
awk: cmd. line:2: BEGIN{x = (1
awk: cmd. line:2:             ^ unexpected newline or end of string
awk: cmd. line:2: BEGIN{x = (1
awk: cmd. line:2:             ^ unexpected newline or end of string
awk: cmd. line:2: BEGIN{x = (1 +
awk: cmd. line:2:               ^ unexpected newline or end of string
awk: cmd. line:4:   x = (1 + 2
awk: cmd. line:4:             ^ unexpected newline or end of string

### break and continue outside a loop
awk 'BEGIN { break }'; echo $?; awk 'BEGIN { continue }'; echo $?
--- stdout
1
1
--- stderr
awk: cmd. line:1: error: `break' is not allowed outside a loop or switch
awk: cmd. line:1: error: `break' is not allowed outside a loop or switch
awk: cmd. line:1: error: `continue' is not allowed outside a loop
awk: cmd. line:1: error: `continue' is not allowed outside a loop

### printf without arguments
awk 'BEGIN { printf }'; echo $?
--- stdout
2
--- stderr
awk: cmd. line:1: fatal: printf: no arguments

### more arguments than parameters
awk 'function f(x) { return x } BEGIN { print f(1, 2, 3) }'; echo $?
--- stdout
1
0
--- stderr
awk: cmd. line:1: warning: function `f' called with more arguments than declared

### system of a shell killed by a signal is 256+N
awk 'BEGIN{print system("kill -9 $$"); print system("kill -TERM $$"); print system("kill -HUP $$")}'
--- stdout
265
271
257

### system of a shell exiting 137 is 137
awk 'BEGIN{print system("exit 137")}'
--- stdout
137

### system with a trapped signal goes on
awk 'BEGIN{r = system("trap \"echo trapped\" TERM; kill -TERM $$; echo after; exit 4"); print r}'
--- stdout
trapped
after
4

### close of an input pipe killed by a signal
awk 'BEGIN{c = "echo x; kill -9 $$"; c | getline v; print v, close(c)}'
--- stdout
x 265

### close of an output pipe killed by a signal
awk 'BEGIN{c = "cat; kill -TERM $$"; print "y" | c; print close(c)}'
--- stdout
y
271

### close of an output pipe exiting with a status
awk 'BEGIN{c = "cat >/dev/null; exit 5"; print "y" | c; print close(c); print close(c)}'
--- stdout
5
-1

### toupper and tolower convert every letter in a UTF-8 locale
echo 'ωmega héllo ǆ İS ß' | awk '{print toupper($0); print tolower($0)}'; echo 'ıi' | awk '{print toupper($0), length(toupper($0))}'; echo 'abc' | awk '{print toupper($0), tolower("ÀB")}'
--- stdout
ΩMEGA HÉLLO Ǆ İS ß
ωmega héllo ǆ is ß
II 2
ABC àb

### invalid UTF-8: one warning, U+FFFD from toupper
printf '\377\351a\n' | awk '{print toupper($0)}' | od -c | head -1; printf 'a\303\n' | awk '{print length($0); print length($0)}'; printf 'x\351y\n' | awk '{print substr($0,2,1)}' | od -c | head -1
--- stdout
0000000 357 277 275 357 277 275   A  \n
2
2
0000000 351  \n
--- stderr
awk: cmd. line:1: (FILENAME=- FNR=1) warning: Invalid multibyte data detected. There may be a mismatch between your data and your locale
awk: cmd. line:1: (FILENAME=- FNR=1) warning: Invalid multibyte data detected. There may be a mismatch between your data and your locale
awk: cmd. line:1: (FILENAME=- FNR=1) warning: Invalid multibyte data detected. There may be a mismatch between your data and your locale

### invalid UTF-8: index and a successful match warn, printf does not
awk 'BEGIN{printf "%3s|\n", "\377"; print match("\377ab",/z/)}' | od -c | head -2; awk 'BEGIN{print index("ab","\377")}'; awk 'BEGIN{print match("\377ab",/b/)}'
--- stdout
0000000         377   |  \n   0  \n
0000007
0
3
--- stderr
awk: cmd. line:1: warning: Invalid multibyte data detected. There may be a mismatch between your data and your locale
awk: cmd. line:1: warning: Invalid multibyte data detected. There may be a mismatch between your data and your locale
