# jq, part 2: options, paths, reduce/foreach, errors with positions, dates,
# formats, numbers and builtins. Recorded from the jq of the reference machine.

### opt exit status false null
echo 'false' | jq -e .; echo rc=$?; echo 'null' | jq -e .; echo rc=$?; echo '1' | jq --exit-status .; echo rc=$?
--- stdout
false
rc=1
null
rc=1
1
rc=0

### opt exit status no output
echo '1' | jq -e empty; echo rc=$?
--- stdout
rc=4

### opt join output
jq -nj '"a", 1, "b", [2]'
--- stdout noeol
a1b[
  2
]

### opt raw output arrays
jq -nr '["x", "y"], {"a":"b"}, "z\tw"'
--- stdout
[
  "x",
  "y"
]
{
  "a": "b"
}
z	w

### opt compact with sort keys
jq -ncS '{"b":{"y":1,"x":2},"a":[{"d":1,"c":2}]}'
--- stdout
{"a":[{"c":2,"d":1}],"b":{"x":2,"y":1}}

### opt ascii output escapes
jq -nac '"héllo ☃ 😀"'
--- stdout
"h\u00e9llo \u2603 \ud83d\ude00"

### opt ascii raw output
jq -nar '"é"'
--- vbash-differs: jq 1.7 behaviour: -r with -a prints the escaped JSON string (jq 1.6 crashes)
--- stdout
"\u00e9"

### opt tab nested
jq -n --tab '{"a":[1,{"b":2}],"c":{}}'
--- stdout
{
	"a": [
		1,
		{
			"b": 2
		}
	],
	"c": {}
}

### opt indent 1 and 7
jq -n --indent 1 '{"a":[1]}'; jq -n --indent 7 '[{"a":1}]'
--- stdout
{
 "a": [
  1
 ]
}
[
       {
              "a": 1
       }
]

### opt indent too large
jq -n --indent 9 '1'; echo rc=$?
--- stdout
rc=2
--- stderr
jq: --indent takes a number between -1 and 7
Use jq --help for help with command-line options,
or see the jq manpage, or online docs  at https://stedolan.github.io/jq

### opt monochrome
jq -nM '[1]'
--- stdout
[
  1
]

### opt arg multiple
jq -n --arg a 1 --arg b two '[$a, $b, ($a|type)]' -c
--- stdout
["1","two","string"]

### opt argjson object
jq -n --argjson o '{"k":[1,2]}' '$o.k[1]'
--- stdout
2

### opt argjson invalid
jq -n --argjson o '{bad' '$o'; echo rc=$?
--- stdout
rc=2
--- stderr
jq: invalid JSON text passed to --argjson
Use jq --help for help with command-line options,
or see the jq manpage, or online docs  at https://stedolan.github.io/jq

### opt args named and positional
jq -nc '$ARGS' --args a b c
--- stdout
{"positional":["a","b","c"],"named":{}}

### opt jsonargs values
jq -nc '$ARGS.positional' --jsonargs 1 '"x"' '{"a":null}' '[true]'
--- stdout
[1,"x",{"a":null},[true]]

### opt args with arg
jq -nc --arg k v '$ARGS' --args x
--- stdout
{"positional":["x"],"named":{"k":"v"}}

### opt slurpfile multiple values
printf '1 2\n[3]\n' > v.json; jq -nc --slurpfile s v.json '$s'
--- stdout
[1,2,[3]]

### opt rawfile
printf 'line1\nline2\n' > r.txt; jq -n --rawfile t r.txt '$t'
--- stdout
"line1\nline2\n"

### opt slurpfile missing
jq -n --slurpfile s nope.json '$s'; echo rc=$?
--- stdout
rc=2
--- stderr
jq: Bad JSON in --slurpfile s nope.json: Could not open nope.json: No such file or directory

### opt from file
printf '.a\n| . + 1\n' > p.jq; echo '{"a":41}' | jq -f p.jq
--- stdout
42

### opt from file with args
printf '[$x, .]' > q.jq; echo 5 | jq -c --arg x y -f q.jq
--- stdout
["y",5]

### opt seq output
jq -nc --seq '1, [2]' | od -c | head -3
--- stdout
0000000 036   1  \n 036   [   2   ]  \n
0000010

### opt slurp raw
printf 'a\nb\n' | jq -Rs .
--- stdout
"a\nb\n"

### opt raw input lines
printf 'a\n\nb' | jq -Rc '[., length]'
--- stdout
["a",1]
["",0]
["b",1]

### opt null input with inputs raw
printf 'x\ny\n' | jq -nR '[inputs]' -c
--- stdout
["x","y"]

### opt slurp multiple files
echo 1 > a.json; echo '2 3' > b.json; jq -sc . a.json b.json
--- stdout
[1,2,3]

### opt stream
echo '{"a":[1,{"b":2}]}' | jq -c --stream .
--- stdout
[["a",0],1]
[["a",1,"b"],2]
[["a",1,"b"]]
[["a",1]]
[["a"]]

### opt stream scalar
echo '3 "x"' | jq -c --stream .
--- stdout
[[],3]
[[],"x"]

### opt stream empty containers
echo '{"a":[],"b":{}}' | jq -c --stream .
--- stdout
[["a"],[]]
[["b"],{}]
[["b"]]

### opt unknown option
jq --frobnicate . ; echo rc=$?
--- stdout
rc=2
--- stderr
jq: Unknown option --frobnicate
Use jq --help for help with command-line options,
or see the jq manpage, or online docs  at https://stedolan.github.io/jq

### opt no filter
jq 2>&1 | head -1; echo rc=${PIPESTATUS[0]}
--- stdout
rc=0

### opt combined short flags
jq -rnc '"a", [1]'
--- stdout
a
[1]

### path expressions
jq -nc '[path(..)]' <<< 'null'; echo '{"a":[{"b":1}]}' | jq -c '[paths]'
--- stdout
[[]]
[["a"],["a",0],["a",0,"b"]]

### path of select
echo '[1,5,3,7]' | jq -c '[path(.[] | select(. > 2))]'
--- stdout
[[1],[2],[3]]

### path of getpath
jq -nc 'path(getpath(["a","b"]))'
--- stdout
["a","b"]

### path invalid
echo '[1]' | jq -c 'path(.[0] + 1)'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <stdin>:1): Invalid path expression with result 2

### paths of object leaves
echo '{"a":{"b":null},"c":[true]}' | jq -c '[leaf_paths], [paths(type == "boolean")]'
--- stdout
[["c",0]]
[["c",0]]

### setpath creates
jq -nc 'setpath(["a",1,"b"]; 5)'
--- stdout
{"a":[null,{"b":5}]}

### delpaths multiple
echo '{"a":1,"b":[1,2,3],"c":3}' | jq -c 'delpaths([["a"],["b",0],["b",2]])'
--- stdout
{"b":[2],"c":3}

### to_entries with_entries keys
echo '{"a":1,"b":2}' | jq -c 'with_entries(.key |= ascii_upcase | .value += 10)'
--- stdout
{"A":11,"B":12}

### from_entries name value
jq -nc '[{"name":"a","value":1},{"k":"b","v":2},{"key":null,"value":3},{"key":false},{"key":1,"value":4}] | from_entries'
--- stderr
jq: error (at <unknown>): Cannot use null (null) as object key
--- status 5

### reduce sum and object build
jq -nc 'reduce range(5) as $i (0; . + $i), reduce ("a","b") as $k ({}; .[$k] = ($k|ascii_upcase))'
--- stdout
10
{"a":"A","b":"B"}

### reduce destructuring
echo '[[1,2],[3,4]]' | jq 'reduce .[] as [$a,$b] (0; . + $a * $b)'
--- stdout
14

### reduce empty init
jq -nc 'reduce empty as $x (7; . + 1)'
--- stdout
7

### foreach running sums
jq -nc '[foreach (1,2,3,4) as $x (0; . + $x)]'
--- stdout
[1,3,6,10]

### foreach with extract and state
jq -nc '[foreach range(5) as $i (null; $i; [$i, .])]'
--- stdout
[[0,0],[1,1],[2,2],[3,3],[4,4]]

### foreach destructuring object
echo '[{"a":1},{"a":2}]' | jq -c '[foreach .[] as {a:$v} (0; . + $v)]'
--- stdout
[1,3]

### try catch message
jq -nc 'try error("x") catch ., try (1/0) catch ., try ([] | .a) catch .'
--- stderr
jq: error: Division by zero? at <top-level>, line 1:
try error("x") catch ., try (1/0) catch ., try ([] | .a) catch .                             
jq: 1 compile error
--- status 3

### try error null
jq -nc 'try error(null) catch .'
--- vbash-differs: jq 1.7 behaviour: error(null) is caught as null (jq 1.6 produced nothing)
--- stdout
null

### try nested rethrow
jq -nc 'try (try error("in") catch error("out: " + .)) catch .'
--- stdout
"out: in"

### error object uncaught
jq -n '{} | error({"a":1})'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>) (not a string): {"a":1}

### error null uncaught
jq -n 'error(null)'; echo rc=$?
--- vbash-differs: jq 1.7 behaviour: error(null) is reported, status 5 (jq 1.6 was silent, status 0)
--- stdout
rc=5
--- stderr
jq: error (at <unknown>) (not a string): null

### optional suppresses errors
jq -nc '[.a?, (1 | .b)?, ([1] | .[]?), ("x" | tonumber)?]'
--- stdout
[null,1]

### label break nested
jq -nc '[label $a | label $b | 1, break $b, 2], [label $f | range(10) | ., (select(. == 3) | break $f)]'
--- stdout
[1]
[0,1,2,3]

### break undefined label
jq -n 'break $x'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: $*label-x is not defined at <top-level>, line 1:
break $x
jq: 1 compile error

### def closures
jq -nc 'def f(g): [g, g]; def h: 3; f(h, 4)'
--- stdout
[3,4,3,4]

### def value params
jq -nc 'def f($a; $b): $a + $b; def g(a; $b): a * $b; f(1;2), g(3;4), [f(1,2; 10)]'
--- stdout
3
12
[11,12]

### def recursion factorial
jq -n 'def fact: if . <= 1 then 1 else . * (. - 1 | fact) end; 10 | fact'
--- stdout
3628800

### def shadowing and scope
jq -nc 'def f: 1; def g: f; def f: 2; [f, g]'
--- stdout
[2,1]

### def inner closure capture
jq -nc '1 as $x | def f: $x + 1; 10 as $x | [f, $x]'
--- stdout
[2,10]

### def recursive fib
jq -nc 'def fib: if . < 2 then . else (. - 1 | fib) + (. - 2 | fib) end; [range(10) | fib]'
--- stdout
[0,1,1,2,3,5,8,13,21,34]

### def with path arg
jq -nc 'def inc(p): p |= . + 1; {"a":1} | inc(.a)'
--- stdout
{"a":2}

### format csv quoting
jq -nr '[1, "a,b", "q\"x", null, true, 1.5] | @csv'
--- stdout
1,"a,b","q""x",,true,1.5

### format tsv escapes
jq -nr '["a\tb", "c\\d", "e\nf", null, 2] | @tsv'
--- stdout
a\tb	c\\d	e\nf		2

### format csv invalid
jq -nr '[[1]] | @csv'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): array ([1]) is not valid in a csv row

### format sh arrays
jq -nr '["a b", "it'"'"'s", 3, null] | @sh'
--- stdout
'a b' 'it'\''s' 3 null

### format sh object error
jq -nr '{} | @sh'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): object ({}) can not be escaped for shell

### format html escapes
jq -nr '"<a href=\"x\">&'"'"'</a>" | @html'
--- stdout
&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;

### format uri reserved
jq -nr '"a-b_c.d~e f/g?h=é" | @uri'
--- stdout
a-b_c.d~e%20f%2Fg%3Fh%3D%C3%A9

### format base64 roundtrip
jq -nr '"hello world!" | @base64, (@base64 | @base64d)'
--- stdout
aGVsbG8gd29ybGQh
hello world!

### format base64d no padding
jq -nr '"aGk" | @base64d'
--- stdout
hi

### format json in string
jq -nr '{"a":"x\"y"} | @json "v=\(.)"'
--- stdout
v={"a":"x\"y"}

### format text number
jq -nr '[1,2] | @text'
--- stdout
[1,2]

### dates todate fromdate
jq -nr '1700000000 | todate, (todate | fromdate)'
--- stdout
2023-11-14T22:13:20Z
1700000000

### dates gmtime mktime
jq -nc '1700000000.5 | gmtime, (gmtime | mktime)'
--- stdout
[2023,10,14,22,13,20.5,2,317]
1700000000

### dates strftime formats
jq -nr '1700000000 | strftime("%Y-%m-%d %H:%M:%S %a %b %j %e %Z")'
--- stdout
2023-11-14 22:13:20 Tue Nov 318 14 UTC

### dates strptime
jq -nc '"2023-11-14T22:13:20Z" | strptime("%Y-%m-%dT%H:%M:%SZ"), (strptime("%Y-%m-%dT%H:%M:%SZ") | mktime)'
--- stdout
[2023,10,14,22,13,20,2,317]
1700000000

### dates fromdateiso8601 invalid
jq -n '"2023-11-14" | fromdate'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): date "2023-11-14" does not match format "%Y-%m-%dT%H:%M:%SZ"

### dates date and iso
jq -nr '0 | date, todateiso8601'
--- vbash-differs: jq 1.7 behaviour: date and todateiso8601 are defined (jq 1.6 prints a compile error)
--- stdout
1970-01-01T00:00:00Z
1970-01-01T00:00:00Z

### dates strftime array input
jq -nr '[2024,1,29,12,0,0,4,59] | strftime("%A %d %B")'
--- stdout
Thursday 29 February

### dates strftime error
jq -n '"x" | strftime("%Y")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): strftime/1 requires parsed datetime inputs

### dates mktime error
jq -n '1 | mktime'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): mktime requires array inputs

### error position syntax
jq -n '1 +'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:
1 +  
jq: 1 compile error

### error position unterminated
jq -n '[1, 2'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:
[1, 2    
jq: 1 compile error

### error invalid json truncated
printf '[1,2' | jq -c .; echo rc=$?
--- stdout
rc=4
--- stderr
parse error: Unfinished JSON term at EOF at line 1, column 4

### error at input line number
printf '1\n2\n"x"\n' | jq '. + 1'; echo rc=$?
--- stdout
2
3
rc=5
--- stderr
jq: error (at <stdin>:3): string ("x") and number (1) cannot be added

### error cannot index number
jq -n '1 | .a'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot index number with string "a"

### error cannot index with object
jq -n '{} | .[{}]'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot index object with object

### error has wrong type
jq -n '[1] | has("a")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot check whether array has a string key

### error keys of number
jq -n '1 | keys'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): number (1) has no keys

### error subtract strings
jq -n '"a" - "b"'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): string ("a") and string ("b") cannot be subtracted

### error multiply objects by number
jq -n '{} * 2'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): object ({}) and number (2) cannot be multiplied

### error length of boolean
jq -n 'true | length'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): boolean (true) has no length

### error iterate null
jq -n 'null | .[]'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot iterate over null (null)

### error split non string
jq -n '1 | split(",")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): split input and separator must be strings

### error join non array
jq -n '{"a":"b"} | join(",")'; echo rc=$?
--- stdout
"b"
rc=0

### error test non string
jq -n '1 | test("a")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): number (1) cannot be matched, as it is not a string

### error fromjson invalid
jq -n '"{" | fromjson'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Unfinished JSON term at EOF at line 1, column 1 (while parsing '{')

### error tonumber bad
jq -n '"12a" | tonumber'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Invalid numeric literal at EOF at line 1, column 3 (while parsing '12a')

### error explode non string
jq -n '1 | explode'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): explode input must be a string

### error ascii_downcase number
jq -n '1 | ascii_downcase'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): explode input must be a string

### error sort object
jq -n '{} | sort'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): object ({}) cannot be sorted, as it is not an array

### error range non number
jq -n 'range("a")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Range bounds must be numeric

### error implode invalid
jq -n '"a" | implode'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): implode input must be an array

### bigint literal output
jq -nc '100000000000000000000, 12345678901234567890, -9007199254740993'
--- vbash-differs: jq 1.7 behaviour: literals keep every digit, a leading minus makes a double (jq 1.6: 1e+20, 12345678901234567000, -9007199254740992)
--- stdout
100000000000000000000
12345678901234567890
-9007199254740992

### bigint arithmetic
jq -nc '100000000000000000000 + 1, 9007199254740992 + 1'
--- stdout
1e+20
9007199254740992

### bigint from input
echo '[100000000000000000000, 1.000000000000000000001, 1e1000]' | jq -c .
--- vbash-differs: jq 1.7 behaviour: input literals print as written (jq 1.6: [1e+20,1,1.7976931348623157e+308])
--- stdout
[100000000000000000000,1.000000000000000000001,1E+1000]

### number formats
jq -nc '[1.0, 1.5, 0.1, 1e17, 1e-5, 3.14159265358979, -0, 1e308 * 10, 0.00001234, 123456789012]'
--- vbash-differs: jq 1.7 behaviour: literals print as written, computed numbers as doubles (jq 1.6: [1,1.5,0.1,1e+17,1e-05,3.14159265358979,-0,1.7976931348623157e+308,1.234e-05,123456789012])
--- stdout
[1.0,1.5,0.1,1E+17,0.00001,3.14159265358979,-0,1.7976931348623157e+308,0.00001234,123456789012]

### number input formats
echo '[1E2, 1.50, -0.0, 0e10, 2.5e-3]' | jq -c .
--- vbash-differs: jq 1.7 behaviour: input literals in decNumber's form (jq 1.6: [100,1.5,-0,0,0.0025])
--- stdout
[1E+2,1.50,-0.0,0E+10,0.0025]

### number tostring
jq -nc '[1e1000, -1e1000, 0.1+0.2, 100/3] | map(tostring)'
--- vbash-differs: jq 1.7 behaviour: tostring keeps a literal's text (jq 1.6: 1.7976931348623157e+308 for 1e1000)
--- stdout
["1E+1000","-1.7976931348623157e+308","0.30000000000000004","33.333333333333336"]

### nan handling
jq -nc '[nan] | tostring, (nan < 1), ([nan, 1] | sort), (nan | isnan)'
--- stdout
"[null]"
true
[null,1]
true

### key order insertion
echo '{"z":1,"a":2,"m":3}' | jq -c '., keys, keys_unsorted, (to_entries | map(.key)), (. + {"b":0, "a":9})'
--- stdout
{"z":1,"a":2,"m":3}
["a","m","z"]
["z","a","m"]
["z","a","m"]
{"z":1,"a":9,"m":3,"b":0}

### key order sort keys nested
echo '{"z":{"b":1,"a":2},"a":[{"y":1,"x":2}]}' | jq -cS .
--- stdout
{"a":[{"x":2,"y":1}],"z":{"a":2,"b":1}}

### key order object construction
jq -nc '{b:1, a:2} | ., del(.b) + {b:3}'
--- stdout
{"b":1,"a":2}
{"a":2,"b":3}

### key order unique group
echo '[{"k":"b"},{"k":"a"},{"k":"b"}]' | jq -c 'group_by(.k), unique_by(.k), (map({(.k): 1}) | add)'
--- stdout
[[{"k":"a"}],[{"k":"b"},{"k":"b"}]]
[{"k":"a"},{"k":"b"}]
{"b":1,"a":1}

### builtin splits regex
jq -nc '["a1b22c" | splits("[0-9]+")], ["aXbxc" | splits("x"; "i")]'
--- stdout
["a","b","c"]
["a","b","c"]

### builtin sub gsub flags
jq -nc '"aAbA" | sub("a"; "-"; "i"), gsub("a"; "-"; "i"), gsub("(?<l>[a-z])"; "<\(.l)>")'
--- stdout
"-AbA"
"--b-"
"<a>A<b>A"

### builtin sub named captures
jq -nr '"2024-01-05" | sub("(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)"; "\(.d)/\(.m)/\(.y)")'
--- stdout
05/01/2024

### builtin test flags
jq -nc '["Abc" | test("abc"), test("abc"; "i"), test("a.c"; "ix"), test("B"; null)]'
--- stdout
[false,true,true,false]

### builtin match offsets unicode
jq -nc '"éaé" | match("a") | [.offset, .length, .string]'
--- stdout
[1,1,"a"]

### builtin match optional group
jq -nc '"ab" | match("(x)?b") | .captures'
--- stdout
[{"offset":-1,"string":null,"length":0,"name":null}]

### builtin capture global
jq -nc '[ "a1 b2" | capture("(?<l>[a-z])(?<n>[0-9])"; "g") ]'
--- stdout
[{"l":"a","n":"1"},{"l":"b","n":"2"}]

### builtin scan with captures
jq -nc '[ "a1b2" | scan("([a-z])([0-9])") ], [ "aaa" | scan("a") ]'
--- stdout
[["a","1"],["b","2"]]
["a","a","a"]

### builtin split with flags
jq -nc '"a1B2c" | split("[0-9]"; null), split("b"; "gi")'
--- stdout
["a","B","c"]
["a1","2c"]

### builtin ascii and implode
jq -nc '[65, 97] | implode, (map([.] | implode))'
--- stdout
"Aa"
["A","a"]

### builtin explode surrogate
jq -nc '"😀a" | explode'
--- stdout
[128512,97]

### builtin ltrimstr rtrimstr nonstring
jq -nc '"foobar" | ltrimstr("foo"), rtrimstr("bar"), ltrimstr("x"), (1 | ltrimstr("a"))'
--- stdout
"bar"
"foo"
"foobar"
1

### builtin startswith error
jq -n '1 | startswith("a")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): startswith() requires string inputs

### builtin tostring of string and object
jq -nc '"x", {"a":[1]}, null | tostring'
--- stdout
"x"
"{\"a\":[1]}"
"null"

### builtin tojson fromjson roundtrip
jq -nc '{"a":[1,"x",null]} | tojson | ., fromjson'
--- stdout
"{\"a\":[1,\"x\",null]}"
{"a":[1,"x",null]}

### builtin getpath various
jq -nc '{"a":{"b":1}} | getpath(["a","b"]), getpath(["x","y"]), [getpath(["a"], ["a","b"])]'
--- stdout
1
null
[{"b":1},1]

### builtin getpath error
jq -nc '{"a":1} | getpath(["a","b"])'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot index number with string "b"

### builtin paths with arrays
jq -nc '[[1,[2]],{"a":3}] | [paths]'
--- stdout
[[0],[0,0],[0,1],[0,1,0],[1],[1,"a"]]

### builtin tostream fromstream
jq -nc '{"a":[1,2]} | [tostream], fromstream(tostream)'
--- stdout
[[["a",0],1],[["a",1],2],[["a",1]],[["a"]]]
{"a":[1,2]}

### builtin fromstream inputs
echo '{"a":{"b":1},"c":[2]}' | jq -c --stream -n 'fromstream(inputs)'
--- stdout
{"a":{"b":1},"c":[2]}

### builtin truncate_stream
echo '{"a":{"b":1},"c":[2]}' | jq -c '[1 | truncate_stream([[0],1],[[1,0],2],[[1,0]],[[1]])]'
--- stdout
[[[0],2],[[0]]]

### builtin env and ENV
FOO=bar jq -nr 'env.FOO, $ENV.FOO, (env | type)'
--- stdout
bar
bar
object

### builtin input_filename
echo 1 > f1.json; jq 'input_filename' f1.json; echo 2 | jq 'input_filename'
--- stdout
"f1.json"
"<stdin>"

### builtin input_line_number
printf '1\n2\n\n3' | jq -c '[., input_line_number]'
--- stdout
[1,1]
[2,2]
[3,3]

### builtin debug
jq -nc '1 | debug | . + 1' 2>&1
--- stdout
["DEBUG:",1]
2

### builtin stderr
jq -nc '"x" | stderr | 1' 2>/dev/null
--- stdout
1

### builtin builtins list
jq -nr '[builtins | select(startswith("map"))] | sort | .[]'
--- stderr
jq: error (at <unknown>): startswith() requires string inputs
--- status 5

### builtin splits on non string
jq -n '1 | splits("a")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): number (1) cannot be matched, as it is not a string

### builtin isinfinite isnormal
jq -nc '[infinite, -infinite, 1, 0, nan] | map([isinfinite, isnormal, isnan])'
--- stdout
[[true,false,false],[true,false,false],[false,true,false],[false,false,false],[false,false,true]]

### builtin infinite output
jq -nc '[infinite, -infinite]'
--- stdout
[1.7976931348623157e+308,-1.7976931348623157e+308]

### builtin min max empty
jq -nc '[] | min, max, (. | add)'
--- stdout
null
null
null

### builtin min_by max_by
jq -nc '[{"a":3},{"a":1},{"a":2}] | min_by(.a), max_by(.a)'
--- stdout
{"a":1}
{"a":3}

### builtin indices of subarray
jq -nc '[1,2,1,2,3] | indices([1,2]), indices(2), index(2), rindex(2)'
--- stdout
[0,2]
[1,3]
1
3

### builtin indices string
jq -nc '"a,b, cd, efg" | indices(", "), index(","), rindex(",")'
--- stdout
[3,7]
1
7

### builtin inside contains strings
jq -nc '"bar" | inside("foobar"), ({"a":[1,2]} | contains({"a":[1]})), (["foobar"] | contains(["bar"]))'
--- stdout
true
true
true

### builtin combinations n
jq -nc '[[0,1] | combinations(2)], [[[1,2],[3]] | combinations]'
--- stdout
[[0,0],[0,1],[1,0],[1,1]]
[[1,3],[2,3]]

### builtin walk
jq -nc '[1,[2,{"a":3}]] | walk(if type == "number" then . * 10 else . end)'
--- stdout
[10,[20,{"a":30}]]

### builtin walk keys sorted
jq -nc '{"b":1,"a":{"d":1,"c":2}} | walk(if type == "object" then del(.c) else . end)'
--- stdout
{"b":1,"a":{"d":1}}

### builtin flatten depth
jq -nc '[1,[2,[3,[4]]]] | flatten, flatten(1), flatten(0)'
--- stdout
[1,2,3,4]
[1,2,[3,[4]]]
[1,[2,[3,[4]]]]

### builtin flatten negative
jq -nc '[1] | flatten(-1)'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): flatten depth must not be negative

### builtin add strings objects
jq -nc '["a","b"] | add, ([{"a":1},{"b":2}] | add), ([[1],[2]] | add), ([null, 1] | add)'
--- stdout
"ab"
{"a":1,"b":2}
[1,2]
1

### builtin any all generators
jq -nc 'any(1,2; . > 1), all(empty; .), any(empty; .), all(1,2; . > 0)'
--- stdout
true
true
false
true

### builtin in and has
jq -nc '"a" | in({"a":1}), (0 | in([5])), ({"a":null} | has("a"))'
--- stdout
true
true
true

### builtin nth first last generators
jq -nc 'nth(2; range(10)), first(range(3;9)), last(range(5)), ([range(5)] | first, last, nth(1))'
--- stdout
2
3
4
0
4
1

### builtin nth negative
jq -nc 'nth(-1; 1,2)'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): nth doesn't support negative indices

### builtin limit nested
jq -nc '[limit(2; limit(5; range(10)))], [first(empty)]'
--- stdout
[0,1]
[]

### builtin until while complex
jq -nc '[10 | while(. > 0; . - 3)], (0 | until(. >= 10; . + 4))'
--- stdout
[10,7,4,1]
12

### builtin recurse with depth
jq -nc '2 | [recurse(if . < 20 then . * . else empty end)]'
--- stdout
[2,4,16,256]

### builtin recurse_down
jq -nc '{"a":[1]} | [recurse_down]'
--- stdout
[{"a":[1]},[1],1]

### builtin isempty
jq -nc 'isempty(empty), isempty(1,error("x"))'
--- stdout
true
false

### builtin error with message
jq -nc 'try error catch ., (try ("x" | error) catch .)'
--- vbash-differs: jq 1.7 behaviour: error(null) is caught as null (jq 1.6 produced nothing)
--- stdout
null
"x"

### builtin splits array input
jq -nc '"a, b,c" | [splits(", *")]'
--- stdout
["a","b","c"]

### builtin ascii_downcase unicode
jq -nc '"ÀbC" | ascii_downcase, ascii_upcase'
--- stdout
"Àbc"
"ÀBC"

### builtin utf8bytelength
jq -nc '"é☃😀" | utf8bytelength, length'
--- stdout
9
3

### builtin tonumber variants
jq -nc '["1", " 2", "1e3", "-0.5", "0x10"] | map(try tonumber catch "bad")'
--- vbash-differs: jq 1.7 behaviour: tonumber keeps the literal (jq 1.6: 1000 for "1e3")
--- stdout
[1,2,1E+3,-0.5,"bad"]

### builtin type names
jq -nc '[null, true, 1, "s", [], {}] | map(type)'
--- stdout
["null","boolean","number","string","array","object"]

### builtin sort mixed types
jq -nc '[{"a":1}, [1], "b", 2, true, false, null, {"a":0}, [0]] | sort'
--- stdout
[null,false,true,2,"b",[0],[1],{"a":0},{"a":1}]

### builtin sort_by multiple outputs
jq -nc '[{"a":2,"b":1},{"a":1,"b":2},{"a":1,"b":1}] | sort_by(.a, .b)'
--- stdout
[{"a":1,"b":1},{"a":1,"b":2},{"a":2,"b":1}]

### builtin group_by unique_by nested
jq -nc '[[1,"a"],[2,"b"],[1,"c"]] | group_by(.[0]) | map(map(.[1]))'
--- stdout
[["a","c"],["b"]]

### builtin to_entries null
jq -nc 'null | to_entries'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): null (null) has no keys

### builtin map_values object deletion
jq -nc '{"a":1,"b":2} | map_values(select(. > 1)), map_values(empty)'
--- stdout
{"b":2}
{}

### builtin del multiple paths
jq -nc '{"a":1,"b":2,"c":3} | del(.a, .c), del(.[]), ([1,2,3,4] | del(.[1,2]))'
--- stdout
{"b":2}
{}
[1,4]

### builtin to_entries from_entries roundtrip
jq -nc '{"a":1,"b":[2]} | to_entries | from_entries'
--- stdout
{"a":1,"b":[2]}

### builtin splits by string dot
jq -nc '"a.b.c" | split(".")'
--- stdout
["a","b","c"]

### builtin join mixed
jq -nr '[1, null, "a", true] | join("-")'
--- stdout
1--a-true

### builtin join error
jq -nr '[[1]] | join("-")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): string ("") and array ([1]) cannot be added

### builtin ascii codepoint
jq -nr '[72,105] | implode'
--- stdout
Hi

### builtin env path
jq -nr '$ENV | has("PATH")'
--- stdout
true

### builtin gsub empty match
jq -nc '"abc" | gsub(""; "-")'
--- vbash-differs: jq 1.7 behaviour: an empty match advances one character (jq 1.6 loops forever)
--- stdout
"-a-b-c-"

### builtin gsub special chars
jq -nr '"a.b.c" | gsub("\\."; "\\")'
--- stdout
a\b\c

### builtin test array arg
jq -nc '"abc" | test(["B", "i"])'
--- stdout
true

### builtin halt_error object
jq -n '{"a":1} | halt_error'; echo rc=$?
--- stdout
rc=5
--- stderr
{"a":1}

### builtin halt_error exit code
jq -n '"bye\n" | halt_error(3)'; echo rc=$?
--- stdout
rc=3
--- stderr
bye

### builtin halt in pipeline
jq -n '1, halt, 2'; echo rc=$?
--- stdout
1
rc=0

### builtin getpath on array index
jq -nc '[[1,2]] | getpath([0,1]), getpath([5,0])'
--- stdout
2
null

### builtin setpath array negative
jq -nc '[1,2,3] | setpath([-1]; 9)'
--- stdout
[1,2,9]

### builtin splits limit count
jq -nc '[limit(2; "a,b,c,d" | splits(","))]'
--- stdout
["a","b"]

### builtin strings numbers selectors
jq -nc '[1, "a", null, [], {}, true] | [.[] | strings], [.[] | numbers], [.[] | iterables], [.[] | scalars], [.[] | nulls], [.[] | booleans], [.[] | values]'
--- stdout
["a"]
[1]
[[],{}]
[1,"a",null,true]
[null]
[true]
[1,"a",[],{},true]

### builtin objects arrays selectors
jq -nc '[1, "a", [], {}] | [.[] | objects], [.[] | arrays]'
--- stdout
[{}]
[[]]

### builtin floor ceil round fabs
jq -nc '[-1.5, 1.5, 2.5] | map(floor), map(ceil), map(round), map(fabs)'
--- stdout
[-2,1,2]
[-1,2,3]
[-2,2,3]
[1.5,1.5,2.5]

### builtin math functions
jq -nc '[pow(2;10), (1000|log10), (2|exp10), (16|sqrt), (2|log2), (1|exp)|floor]'
--- stdout
[1024,3,100,4,1,2]

### builtin trunc and modulo
jq -nc '[7 % 3, -7 % 3, 7 % -3, 5.5 % 2]'
--- stdout
[1,-1,1,1]

### builtin modulo by zero
jq -nc '1 % 0'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): number (1) and number (0) cannot be divided (remainder) because the divisor is zero

### builtin tojson numbers
jq -nc '[1.0, 100, 1e3, 0.5] | tojson'
--- vbash-differs: jq 1.7 behaviour: tojson keeps literals (jq 1.6: "[1,100,1000,0.5]")
--- stdout
"[1.0,100,1E+3,0.5]"

### builtin getpath paths roundtrip
jq -nc '{"a":[{"b":1}]} | [paths(..) as $p | getpath($p)] | length'
--- stdout
6

### builtin splits regex anchors
jq -nc '"foo bar" | [match("\\b\\w+\\b"; "g") | .string]'
--- stdout
["foo","bar"]

### builtin ltrimstr whole
jq -nc '"abc" | ltrimstr("abc"), rtrimstr("abc")'
--- stdout
""
""

### builtin transpose ragged
jq -nc '[[1,2],[3]] | transpose'
--- stdout
[[1,3],[2,null]]

### builtin min_by empty
jq -nc '[] | min_by(.a), max_by(.a)'
--- stdout
null
null

### builtin tostring number
jq -nc '1.5 | tostring'
--- stdout
"1.5"

### builtin input in reduce
printf '1 2 3' | jq -n 'reduce inputs as $x (0; . + $x)'
--- stdout
6

### builtin alternative operator chain
jq -nc '(null // false // 3), (empty // 4), ([false, null, 1] | .[] // 9), (try error("x") // 5)'
--- stdout
3
4
1
5

### builtin alternative destructuring
jq -nc '[[1,2], {"a":3}] | .[] as [$x, $y] ?// {a: $x} | [$x, $y]'
--- stdout
[1,2]
[3,null]

### builtin object shorthand vars
jq -nc '1 as $a | "k" as $b | {$a, b: $b, "c d": 3, "\($b)": 4}' 2>&1; jq -nc '{"x":1} | {x, "y": .x}'
--- stdout
{"a":1,"b":"k","c d":3,"k":4}
{"x":1,"y":1}

### builtin object keyword keys
jq -nc '{if: 1, then: 2, and: 3, reduce: 4}'
--- stdout
{"if":1,"then":2,"and":3,"reduce":4}

### builtin string multiply zero
jq -nc '"ab" * 0, "ab" * 3, ("ab" * 0.5)'
--- stdout
null
"ababab"
"ab"

### builtin array subtraction and comparison
jq -nc '[1,2,3,1] - [1], ([1,2] < [1,3]), ({"a":1} == {"a":1.0})'
--- stdout
[2,3]
true
true

### builtin object recursive merge
jq -nc '{"a":{"b":1,"c":2}} * {"a":{"b":3},"d":4}'
--- stdout
{"a":{"b":3,"c":2},"d":4}

### builtin string division split
jq -nc '"a,b" / ","'
--- stdout
["a","b"]

### builtin slice negative
jq -nc '[0,1,2,3,4] | .[-2:], .[:-3], .[1:-1], .[10:], ("abcdef" | .[2:4])'
--- stdout
[3,4]
[0,1]
[1,2,3]
[]
"cd"

### builtin slice float indices
jq -nc '[0,1,2,3,4] | .[1.5:3.5], .[1.7:]'
--- stdout
[1,2,3]
[1,2,3,4]

### builtin update slice
jq -nc '[1,2,3,4] | .[1:3] = ["x"], (.[1:3] |= map(. * 10))'
--- stdout
[1,"x",4]
[1,20,30,4]

### builtin update with multiple paths
jq -nc '{"a":1,"b":2} | (.a, .b) |= . + 1, ((.a, .b) = 0)'
--- stdout
{"a":2,"b":3}
{"a":0,"b":0}

### builtin assign from input
jq -nc '{"a":1,"b":2} | .a = .b, (.c += .a)'
--- stdout
{"a":2,"b":2}
{"a":1,"b":2,"c":1}

### builtin update error
jq -nc '{"a":"x"} | .a += 1'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): string ("x") and number (1) cannot be added

### builtin getpath null path
jq -nc 'null | getpath(["a",0,"b"])'
--- stdout
null

### builtin ascii range of letters
jq -nrj '[range(97;100)] | implode, "\n"'
--- stdout
abc

### builtin range by negative and float
jq -nc '[range(5;0;-2)], [range(0;1;0.25)], [range(0;1;-1)]'
--- stdout
[5,3,1]
[0,0.25,0.5,0.75]
[]

### builtin limit zero negative
jq -nc '[limit(-1; 1,2)]'
--- stdout
[1,2]

### builtin first of empty error
jq -nc '[] | first'; echo rc=$?
--- stdout
null
rc=0

### builtin splits multiline flags
jq -nc '"a\nb" | [match("^b"; "g").offset], [test("a.b"; "s")]'
--- stdout
[]
[false]

### builtin gamma etc
jq -nc '[5 | lgamma, tgamma | floor], ([2,3] | [pow(.[0]; .[1])])'
--- stdout
[3,24]
[8]

### builtin todate non integer
jq -nr '1700000000.9 | todate'
--- stdout
2023-11-14T22:13:20Z

### builtin strftime with localtime
jq -nr '0 | localtime | mktime'
--- stdout
0

### builtin strptime with weekday
jq -nc '"Tue, 14 Nov 2023 10:00:00" | strptime("%a, %d %b %Y %H:%M:%S")'
--- stdout
[2023,10,14,10,0,0,2,317]

### builtin dateadd datesub
jq -nc '1700000000 | dateadd("seconds"; 100), datesub("seconds"; 100)' 2>&1; echo rc=$?
--- vbash-differs: jq 1.7 behaviour: dateadd and datesub are defined (jq 1.6 prints a compile error)
--- stdout
1700000100
1699999900
rc=0

### builtin now type
jq -n 'now | type'
--- stdout
"number"

### builtin splits string escape
jq -nc '"a\\b" | split("\\")'
--- stdout
["a","b"]

### builtin ascii json escapes
jq -nc '"\u0000\u001f\u007f\u2028"'
--- stdout
"\u0000\u001f\u007f "

### builtin invalid utf8 input
printf '"\xff\xfea"' | jq -c '., length'
--- stdout
"��a"
3

### builtin keys unicode sort
jq -ncS '{"é":1, "z":2, "A":3, "a":4}'
--- stdout
{"A":3,"a":4,"z":2,"é":1}

### builtin large array index
jq -nc '[] | .[3] = 1'
--- stdout
[null,null,null,1]

### builtin null index assign
jq -nc 'null | .a.b.c = 1, (.[2] = 1)'
--- stdout
{"a":{"b":{"c":1}}}
[null,null,1]

### builtin object iteration order
jq -nc '{"b":1,"a":2} | [.[]], [keys[]], [to_entries[].value]'
--- stdout
[1,2]
["a","b"]
[1,2]

### builtin variable scoping in pipe
jq -nc '1 as $x | (2 as $x | $x), $x'
--- stdout
2
1

### builtin reduce with path expression
jq -nc '{"a":[1,2]} | reduce .a[] as $x (.; .sum += $x)'
--- stdout
{"a":[1,2],"sum":3}

### builtin getpath update
jq -nc '{"a":{"b":1}} | getpath(["a","b"]) |= . + 1'
--- stdout
{"a":{"b":2}}

### builtin paths update select
jq -nc '[1,-2,3] | (.[] | select(. < 0)) |= -.'
--- stdout
[1,2,3]

### builtin recurse update
jq -nc '{"a":{"b":"x"},"c":"y"} | (.. | strings) |= ascii_upcase'
--- stdout
{"a":{"b":"X"},"c":"Y"}

### builtin to_entries order
jq -nc '{"b":1,"a":2} | to_entries'
--- stdout
[{"key":"b","value":1},{"key":"a","value":2}]

### builtin with_entries filter
jq -nc '{"a":1,"b":2,"c":3} | with_entries(select(.value != 2))'
--- stdout
{"a":1,"c":3}

### builtin error location in program
jq -n '{} | .a.b.c[0] + 1 | .x'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot index number with string "x"

### builtin try catch break label
jq -nc '[label $l | try (1, break $l, 2) catch "c"]'
--- vbash-differs: jq 1.7 behaviour: break is not an error try can catch (jq 1.6 prints [1,"c"])
--- stdout
[1]

### builtin error in catch body
jq -nc 'try error("a") catch error("b")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): b

### builtin deep object output
jq -nc '[range(30)] | reduce .[] as $i (null; {a: .}) | [paths] | length'
--- stdout
30

### builtin getpath invalid path
jq -nc '1 | getpath("a")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Path must be specified as an array

### builtin setpath invalid
jq -nc 'null | setpath("a"; 1)'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Path must be specified as an array

### builtin delpaths invalid
jq -nc '{} | delpaths(1)'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Paths must be specified as an array

### builtin splits with null flags
jq -nc '"a b" | [splits(" "; null)]'
--- stdout
["a","b"]

### jq17 trim ltrim rtrim
jq -nc '" \t x y \n" | trim, ltrim, rtrim'; jq -n '1 | trim'; echo rc=$?
--- vbash-differs: jq 1.7 behaviour: trim, ltrim and rtrim are jq 1.7.1 builtins (jq 1.6: not defined)
--- stdout
"x y"
"x y \n"
" \t x y"
rc=5
--- stderr
jq: error (at <unknown>): trim input must be a string

### jq17 abs
jq -nc '[-5, 0, 3.5, -0.25] | map(abs)'
--- vbash-differs: jq 1.7 behaviour: abs is a jq 1.7 builtin (jq 1.6: not defined)
--- stdout
[5,0,3.5,0.25]

### jq17 toarray
jq -nc '1, [2], null | toarray'
--- vbash-differs: jq 1.7 behaviour: toarray is a jq 1.7 builtin (jq 1.6: not defined)
--- stdout
[1]
[2]
[null]

### jq17 pick
jq -nc '{"a":1,"b":{"c":2,"d":3},"e":[1,2,3]} | pick(.b.c), pick(.a, .e[1])'
--- vbash-differs: jq 1.7 behaviour: pick is a jq 1.7 builtin (jq 1.6: not defined)
--- stdout
{"b":{"c":2}}
{"a":1,"e":[null,2]}

### jq17 significand
jq -nc '[8, 0.5, 0, 10] | map(significand)'
--- vbash-differs: jq 1.7 behaviour: significand is a jq 1.7 builtin (jq 1.6: not defined)
--- stdout
[1,1,0,1.25]

### jq17 ltrimstr non string argument
jq -nc '"a,b" | ltrimstr(1), rtrimstr(null)'
--- vbash-differs: jq 1.7 behaviour: ltrimstr/rtrimstr with a non-string return the input unchanged
--- stdout
"a,b"
"a,b"

### jq17 splits with flags
jq -nc '"aXbxc" | [splits("x"; "i")], [splits("x"; null)]'
--- vbash-differs: jq 1.7 behaviour: splits/2 takes regex flags
--- stdout
["a","b","c"]
["aXb","c"]

### jq17 loc
jq -nc '{a: $__loc__}'; printf '1 |\n$__loc__\n' > l.jq; jq -nc -f l.jq
--- vbash-differs: jq 1.7 behaviour: $__loc__ (jq 1.6: not defined)
--- stdout
{"a":{"file":"<top-level>","line":1}}
{"file":"<top-level>","line":2}

### jq17 base32d
jq -nr '"hello world" | @base32 | ., @base32d'
--- vbash-differs: jq 1.7 behaviour: @base32d is a jq 1.7 format
--- stdout
NBSWY3DPEB3W64TMMQ======
hello world

### jq17 limit zero and negative
jq -nc '[limit(0; 1, 2)], [limit(-1; 1, 2)]'
--- vbash-differs: jq 1.7 behaviour: limit(0) is empty (jq 1.6 emitted one value)
--- stdout
[]
[1,2]

### jq17 error null
jq -nc 'try error(null) catch ., try error catch .'
--- vbash-differs: jq 1.7 behaviour: error(null) is caught as null (jq 1.6 produced nothing)
--- stdout
null
null

### jq17 ascii
jq -nc '[65, 97, 48] | map(ascii)'
--- vbash-differs: jq 1.7 behaviour: ascii maps a code point to a one-character string
--- stdout
["A","a","0"]

### opt color output
jq -nC '{"a":[1,"s",null,true,false,{"b":1.5}]}'
--- stdout
[1;39m{
  [0m[34;1m"a"[0m[1;39m: [0m[1;39m[
    [0;39m1[0m[1;39m,
    [0;32m"s"[0m[1;39m,
    [1;30mnull[0m[1;39m,
    [0;39mtrue[0m[1;39m,
    [0;39mfalse[0m[1;39m,
    [1;39m{
      [0m[34;1m"b"[0m[1;39m: [0m[0;39m1.5[0m[1;39m
    [1;39m}[0m[1;39m
  [1;39m][0m[1;39m
[1;39m}[0m

### opt color compact
jq -ncC '[1,{"a":"x"}]'
--- stdout
[1;39m[[0;39m1[0m[1;39m,[1;39m{[0m[34;1m"a"[0m[1;39m:[0m[0;32m"x"[0m[1;39m[1;39m}[0m[1;39m[1;39m][0m

### opt color empty containers and sorted keys
jq -nSC '[[],{},{"b":[],"a":"x"}]'; jq -C --tab -n '{"k":[1]}'
--- stdout
[1;39m[
  [1;39m[][0m[1;39m,
  [1;39m{}[0m[1;39m,
  [1;39m{
    [0m[34;1m"a"[0m[1;39m: [0m[0;32m"x"[0m[1;39m,
    [0m[34;1m"b"[0m[1;39m: [0m[1;39m[][0m[1;39m
  [1;39m}[0m[1;39m
[1;39m][0m
[1;39m{
	[0m[34;1m"k"[0m[1;39m: [0m[1;39m[
		[0;39m1[0m[1;39m
	[1;39m][0m[1;39m
[1;39m}[0m

### error invalid json position
printf '{"a":1}\n{"b":}\n' | jq -c .; echo rc=$?
--- stdout
{"a":1}
rc=4
--- stderr
parse error: Unmatched '}' at line 2, column 6

### error json unmatched and missing values
for t in '[1,]' '{"a":1,}' '{]' '[}' ',' '[,1]' ':' '}' '{"a":1]' '{,}'; do printf '%s' "$t" | jq -c .; done
--- stderr
parse error: Expected another array element at line 1, column 4
parse error: Expected another key-value pair at line 1, column 8
parse error: Unmatched ']' at line 1, column 2
parse error: Unmatched '}' at line 1, column 2
parse error: Expected value before ',' at line 1, column 1
parse error: Expected value before ',' at line 1, column 2
parse error: Expected string key before ':' at line 1, column 1
parse error: Unmatched '}' at line 1, column 1
parse error: Unmatched ']' at line 1, column 7
parse error: Expected value before ',' at line 1, column 2
--- status 4

### error position bad token
jq -n '.a | }'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:
.a | }     
jq: 1 compile error

### error position multi-line
printf '1 |\n  .a[\n' > bad.jq; jq -n -f bad.jq; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 2:
  .a[     
jq: 1 compile error

### error position mismatched brackets
jq -n '(1]'; jq -n '[1,2)'; printf '.a |\n .b | }\n' > b.jq; jq -n -f b.jq; printf '.a\n|\n\n' > c.jq; jq -n -f c.jq; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:
(1]  
jq: 1 compile error
jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:
[1,2)    
jq: 1 compile error
jq: error: syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 2:
 .b | }      
jq: 1 compile error
jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 2:
| 
jq: 1 compile error

### builtin frexp modf logb lgamma_r drem scalbln
jq -nc '[8 | frexp], (3.5 | modf), ([1.5] | map(logb)), (-0.5 | lgamma_r), drem(10; 3), scalbln(1; 3), (3 | ldexp(.; 2))'
--- stdout
[[0.5,4]]
[0.5,3]
[0]
[1.2655121234846454,-1]
1
8
12
