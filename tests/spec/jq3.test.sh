# jq 1.7: number literals, compile-time name checks, --stream as a streaming parser.
# Expectations recorded from jq 1.6 (Debian) where 1.6 and 1.7 agree; cases
# marked vbash-differs show jq 1.7.1's output (checked against a build of
# jq 1.7.1) and say what 1.6 prints.
### literal input numbers keep their text
echo '[1.000, 1.10, 100e-2, -0.0, 0.1e-3, 1E+2, 12.50e1]' | jq -c .
--- vbash-differs: jq 1.7 behaviour: literals print in decNumber's form (jq 1.6: [1,1.1,1,-0,0.0001,100,125])
--- stdout
[1.000,1.10,1.00,-0.0,0.0001,1E+2,125.0]

### literal comparisons by decimal value
jq -nc '[1.000 == 1, 1.0000000000000000001 > 1, 100000000000000000000000000001 == 100000000000000000000000000000, (100000000000000000000000000001|.+0) == 1e29, 1.10 < 1.1, 2.0 > 1.99999999999999999999]'
--- vbash-differs: jq 1.7 behaviour: two literals compare as decimals (jq 1.6: [true,false,true,true,false,false])
--- stdout
[true,true,false,true,false,true]

### literal arithmetic makes a double
echo '1.000' | jq -c '., . + 0, -., . * 1, floor, length'
--- vbash-differs: jq 1.7 behaviour: the unchanged literal prints as written (jq 1.6: 1 for each)
--- stdout
1.000
1
-1
1
1
1

### literal text in tostring tojson interpolation
jq -nc '[1.50|tostring, tojson, "\(1.50)", @text "\(2.0)", ([1.0,{"a":2.50}]|tojson)]'
--- vbash-differs: jq 1.7 behaviour: strings of literals keep their text (jq 1.6: ["1.5","1.5","1.5","2","[1,{\"a\":2.5}]"])
--- stdout
["1.50","1.50","1.50","2.0","[1.0,{\"a\":2.50}]"]

### literal through paths and entries
echo '{"a":1.0,"b":[2.00]}' | jq -c 'to_entries, [.[]], (.a|tostring), tostream'
--- vbash-differs: jq 1.7 behaviour: values pass through unchanged (jq 1.6 prints 1 and 2)
--- stdout
[{"key":"a","value":1.0},{"key":"b","value":[2.00]}]
[1.0,[2.00]]
"1.0"
[["a"],1.0]
[["b",0],2.00]
[["b",0]]
[["b"]]

### literal through formats and reductions
echo '[1.0, 2.50]' | jq -c '(.[0] as $x | $x), first, min, max, add, (.[1]|@sh), @csv, @tsv, (tojson|fromjson)'
--- vbash-differs: jq 1.7 behaviour: literals keep their text, add computes (jq 1.6: 1, 1, 1, 2.5, 3.5, "2.5", "1,2.5", "1\t2.5", [1,2.5])
--- stdout
1.0
1.0
1.0
2.50
3.5
"2.50"
"1.0,2.50"
"1.0\t2.50"
[1.0,2.50]

### literal from tonumber
echo '"3.00"' | jq -c 'tonumber, (tonumber|.+1)'
--- vbash-differs: jq 1.7 behaviour: tonumber parses a literal (jq 1.6: 3 and 4)
--- stdout
3.00
4

### literal merge sort group unique
jq -nc '{"a":1.0} * {"b":2.0}, ([5.0,1.0]|sort_by(.)), ([1.0,1]|group_by(.)), ([1.0,1.00]|unique_by(.)), ([3.0,1.00,2.0,1]|sort)'
--- vbash-differs: jq 1.7 behaviour: literals kept, equal values keep their order (jq 1.6: {"a":1,"b":2}, [1,5], [[1,1]], [1], [1,1,2,3])
--- stdout
{"a":1.0,"b":2.0}
[1.0,5.0]
[[1.0,1]]
[1.0]
[1.00,1,2.0,3.0]

### literal range start
jq -nc '[range(1.0; 3.0)], [range(0.50; 2; 0.5)]'
--- vbash-differs: jq 1.7 behaviour: range starts with its literal (jq 1.6: [1,2] and [0.5,1,1.5])
--- stdout
[1.0,2]
[0.50,1,1.5]

### literal big and tiny exponents
jq -nc '[1E1000, 1e-7, 0e10, 1E1234567890, -1E1000]'
--- vbash-differs: jq 1.7 behaviour: literals in decNumber's form, a leading minus makes a double, an exponent too large is lost (jq 1.6: [1.7976931348623157e+308,1e-07,0,1.7976931348623157e+308,-1.7976931348623157e+308])
--- stdout
[1E+1000,1E-7,0E+10,1.7976931348623157e+308,-1.7976931348623157e+308]

### literal numbers builtin
jq -n 'have_literal_numbers'
--- vbash-differs: have_literal_numbers as jq 1.8 defines it (jq 1.6 and 1.7.1 lack it)
--- stdout
true

### abs keeps its input
jq -nc '[-1.50, "a", 0.0, -0, 1.10, -3] | map(abs)'
--- vbash-differs: jq 1.7.1's abs (def abs: if . < 0 then - . else . end); jq 1.6 lacks it
--- stdout
[1.5,"a",0.0,-0,1.10,3]

### abs of null
jq -n 'null | abs'
--- vbash-differs: jq 1.7.1's abs negates what sorts below 0 (jq 1.6 lacks it)
--- stderr
jq: error (at <unknown>): null (null) cannot be negated
--- status 5

### interpolation of literals
jq -nc '"\(null) \(true) \(false) \(1) \([1,"a"]) \({})"'
--- stdout
"null true false 1 [1,\"a\"] {}"

### format interpolation of a number
jq -n '@base64 "x\(1)y", @uri "\(2)"'
--- stdout
"xMQ==y"
"2"

### undefined functions all reported
jq -n 'foo, bar(1) | $x | baz'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: foo/0 is not defined at <top-level>, line 1:
foo, bar(1) | $x | baz
jq: error: bar/1 is not defined at <top-level>, line 1:
foo, bar(1) | $x | baz     
jq: error: $x is not defined at <top-level>, line 1:
foo, bar(1) | $x | baz              
jq: error: baz/0 is not defined at <top-level>, line 1:
foo, bar(1) | $x | baz                   
jq: 4 compile errors

### undefined on several lines
jq -n '1 as $x | 2 | foo(1;2)
| bar'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: foo/2 is not defined at <top-level>, line 1:
1 as $x | 2 | foo(1;2)              
jq: error: bar/0 is not defined at <top-level>, line 2:
| bar  
jq: 2 compile errors

### unused definition not checked
jq -n 'def f: g; 1'
--- stdout
1

### used definition checked after the body
jq -n 'def f: g; f | h'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: h/0 is not defined at <top-level>, line 1:
def f: g; f | h              
jq: error: g/0 is not defined at <top-level>, line 1:
def f: g; f | h       
jq: 2 compile errors

### undefined label
jq -n 'break $out'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: $*label-out is not defined at <top-level>, line 1:
break $out
jq: 1 compile error

### arguments of an undefined call not checked
jq -n 'x(y(z)) | w'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: x/1 is not defined at <top-level>, line 1:
x(y(z)) | w
jq: error: w/0 is not defined at <top-level>, line 1:
x(y(z)) | w          
jq: 2 compile errors

### undefined in reduce order
jq -n 'reduce a as $x (b; c)'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: b/0 is not defined at <top-level>, line 1:
reduce a as $x (b; c)                
jq: error: a/0 is not defined at <top-level>, line 1:
reduce a as $x (b; c)       
jq: error: c/0 is not defined at <top-level>, line 1:
reduce a as $x (b; c)                   
jq: 3 compile errors

### undefined in update order
jq -n 'a += b | c |= d'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: b/0 is not defined at <top-level>, line 1:
a += b | c |= d     
jq: error: a/0 is not defined at <top-level>, line 1:
a += b | c |= d
jq: error: c/0 is not defined at <top-level>, line 1:
a += b | c |= d         
jq: error: d/0 is not defined at <top-level>, line 1:
a += b | c |= d              
jq: 4 compile errors

### undefined in closure arguments later
jq -n 'map(a) | ltrimstr(b) | c'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: b/0 is not defined at <top-level>, line 1:
map(a) | ltrimstr(b) | c                  
jq: error: c/0 is not defined at <top-level>, line 1:
map(a) | ltrimstr(b) | c                       
jq: error: a/0 is not defined at <top-level>, line 1:
map(a) | ltrimstr(b) | c    
jq: 3 compile errors

### undefined in string interpolation
jq -n '"x\(foo)y" | bar'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: foo/0 is not defined at <top-level>, line 1:
"x\(foo)y" | bar    
jq: error: bar/0 is not defined at <top-level>, line 1:
"x\(foo)y" | bar             
jq: 2 compile errors

### undefined with defined variable
jq -n --arg v 1 '$v, $w'
echo "rc=$?"
--- stdout
rc=3
--- stderr
jq: error: $w is not defined at <top-level>, line 1:
$v, $w    
jq: 1 compile error

### stream events
printf '1 "x" [] {} [[]] {"a":{"b":null}}\n[1,{"a":[2,3],"b":{}}]\n' | jq -c --stream .
--- stdout
[[],1]
[[],"x"]
[[],[]]
[[],{}]
[[0],[]]
[[0]]
[["a","b"],null]
[["a","b"]]
[["a"]]
[[0],1]
[[1,"a",0],2]
[[1,"a",1],3]
[[1,"a",1]]
[[1,"b"],{}]
[[1,"b"]]
[[1]]

### stream literals kept
echo '[1.000, 1e1000]' | jq -c --stream .
--- vbash-differs: jq 1.7 behaviour: literals in stream events keep their text (jq 1.6: [[0],1] and [[1],1.7976931348623157e+308])
--- stdout
[[0],1.000]
[[1],1E+1000]
[[1]]

### stream error after events
echo '[1,{"a":[2,3],"b":{}},x]' | jq -c --stream .
echo "rc=$?"
--- stdout
[[0],1]
[[1,"a",0],2]
[[1,"a",1],3]
[[1,"a",1]]
[[1,"b"],{}]
[[1,"b"]]
rc=4
--- stderr
parse error: Invalid numeric literal at line 1, column 24

### stream unfinished
printf '{"a":1} [2\n' | jq -c --stream .
echo "rc=$?"
--- stdout
[["a"],1]
[["a"]]
rc=4
--- stderr
parse error: Unfinished JSON term at EOF at line 2, column 0

### stream unmatched at top
echo '[1,2]]' | jq -c --stream .
echo "rc=$?"
--- stdout
[[0],1]
[[1],2]
[[1]]
rc=4
--- stderr
parse error: Unmatched ']' at the top-level at line 1, column 6

### stream separator missing
echo '{"a" 1}' | jq -c --stream .
echo '[1 2]' | jq -c --stream .
echo '{"a" "b"}' | jq -c --stream .
echo '{"a":1 "b":2}' | jq -c --stream .
--- stderr
parse error: Expected separator between values at line 1, column 7
parse error: Expected separator between values at line 1, column 5
parse error: Expected separator between values at line 1, column 8
parse error: Expected separator between values at line 1, column 10
--- status 4

### stream key errors
echo '{1:2}' | jq -c --stream .
echo '{"a",1}' | jq -c --stream .
echo '{"a":}' | jq -c --stream .
echo '{"a":1,}' | jq -c --stream .
echo '{,}' | jq -c --stream .
--- stdout
[["a"],1]
--- stderr
parse error: Object keys must be strings at line 1, column 3
parse error: Objects must consist of key:value pairs at line 1, column 5
parse error: Missing value in key:value pair at line 1, column 6
parse error: Expected another key:value pair at line 1, column 8
parse error: Expected value before ',' at line 1, column 2
--- status 4

### stream bracket errors
echo '[1,]' | jq -c --stream .
echo '[{]' | jq -c --stream .
echo '[1}' | jq -c --stream .
echo '[:]' | jq -c --stream .
echo '}' | jq -c --stream .
echo ',' | jq -c --stream .
echo '[,1]' | jq -c --stream .
--- stdout
[[0],1]
--- stderr
parse error: Expected another array element at line 1, column 4
parse error: Unmatched ']' in the middle of an object at line 1, column 3
parse error: Unmatched '}' in the middle of an array at line 1, column 3
parse error: ':' not as part of an object at line 1, column 2
parse error: Unmatched '}' at the top-level at line 1, column 1
parse error: Expected value before ',' at line 1, column 1
parse error: Expected value before ',' at line 1, column 2
--- status 4

### stream token errors
echo 'nul' | jq -c --stream .
printf '"abc\n' | jq -c --stream .
echo '[truex]' | jq -c --stream .
echo '"\x"' | jq -c --stream .
--- stderr
parse error: Invalid literal at line 2, column 0
parse error: Unfinished string at EOF at line 2, column 0
parse error: Invalid literal at line 1, column 7
parse error: Invalid escape at line 1, column 4
--- status 4

### stream strings
echo '["a\"b\\", "\u00e9\ud83d\ude00", true, false, null]' | jq -c --stream .
--- stdout
[[0],"a\"b\\"]
[[1],"é😀"]
[[2],true]
[[3],false]
[[4],null]
[[4]]

### stream inputs and fromstream
printf '[1,[2,{"a":3}]]\n{"b":[]}\n' > in.json
jq -nc --stream '[inputs] | length' in.json
jq -sc --stream 'length' in.json
jq -nc --stream 'fromstream(inputs)' in.json
jq -nc --stream 'fromstream(1|truncate_stream(inputs))' in.json
jq -c --stream 'input_line_number' in.json
--- stdout
8
8
[1,[2,{"a":3}]]
{"b":[]}
[2,{"a":3}]
1
1
1
1
1
1
2
2

### stream several files
echo '[1]' > a.json
echo '{"b":2}' > b.json
jq -c --stream . a.json b.json
--- stdout
[[0],1]
[[0]]
[["b"],2]
[["b"]]

### inputs meets a parse error
echo '[1,2] [3' | jq -c -n '[inputs]'
echo "rc=$?"
echo '[1,2] [3' | jq -c -n 'try input catch .'
echo '1 2 x 3' | jq -c -n 'input, (try input catch "c")'
--- stdout
rc=5
[1,2]
1
2
--- stderr
jq: error (at <stdin>:1): Unfinished JSON term at EOF at line 2, column 0

### JQ_COLORS sets the colours
echo '{"a":[1,"x",null,true,false]}' > in.json
JQ_COLORS='4;31:0;32:0;33:0;34:0;35:0;36:0;37' jq -C -c . in.json
JQ_COLORS='1;31:0;32' jq -C -c . in.json
JQ_COLORS='::1' jq -C -c . in.json
--- stdout
[0;37m{[0m[34;1m"a"[0m[0;37m:[0m[0;36m[[0;34m1[0m[0;36m,[0;35m"x"[0m[0;36m,[4;31mnull[0m[0;36m,[0;33mtrue[0m[0;36m,[0;32mfalse[0m[0;36m[0;36m][0m[0;37m[0;37m}[0m
[1;39m{[0m[34;1m"a"[0m[1;39m:[0m[1;39m[[0;39m1[0m[1;39m,[0;32m"x"[0m[1;39m,[1;31mnull[0m[1;39m,[0;39mtrue[0m[1;39m,[0;32mfalse[0m[1;39m[1;39m][0m[1;39m[1;39m}[0m
[1;39m{[0m[34;1m"a"[0m[1;39m:[0m[1;39m[[0;39m1[0m[1;39m,[0;32m"x"[0m[1;39m,[mnull[0m[1;39m,[1mtrue[0m[1;39m,[mfalse[0m[1;39m[1;39m][0m[1;39m[1;39m}[0m

### JQ_COLORS invalid keeps the defaults
echo '[null]' | JQ_COLORS='1;31:x' jq -C -c .
echo '[null]' | JQ_COLORS='1234567890123' jq -C -c .
--- stdout
[1;39m[[1;30mnull[0m[1;39m[1;39m][0m
[1;39m[[1;30mnull[0m[1;39m[1;39m][0m
--- stderr
Failed to set $JQ_COLORS
Failed to set $JQ_COLORS

### seq input
printf '\036{"a":1}\n\0362\n' | jq -c --seq . | od -c
--- stdout
0000000 036   {   "   a   "   :   1   }  \n 036   2  \n
0000014

### seq input streamed
printf '\036[1,2]\n' | jq -c --seq --stream . | od -c
--- stdout
0000000 036   [   [   0   ]   ,   1   ]  \n 036   [   [   1   ]   ,   2
0000020   ]  \n 036   [   [   1   ]   ]  \n
0000031

### implode of a non-number
jq -nc '["a"] | implode'
echo "rc=$?"
--- vbash-differs: jq 1.7 behaviour: the codepoint is named (jq 1.6 fails an assertion and aborts)
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): string ("a") can't be imploded, unicode codepoint needs to be numeric

### halt_error with a non-number status
jq -n 'halt_error("bye\n")'
echo "rc=$?"
jq -n '"x" | halt_error({})'
echo "rc=$?"
--- stdout
rc=5
rc=5
--- stderr
jq: error (at <unknown>): null (null) halt_error/1: number required
jq: error (at <unknown>): string ("x") halt_error/1: number required

### stream parse errors checked in jq's order
for s in '{"a"}' '{"a":1,]' '[1,}' '{"a":}' '{"a" [' '[1 {' '{"a":{} {' '[[] [' '[1,tru]'; do
  printf '%s\n' "$s" | jq -c --stream . 2>e; echo "st=$?"; cat e
done
--- stdout
st=4
parse error: Objects must consist of key:value pairs at line 1, column 5
[["a"],1]
st=4
parse error: Expected another array element at line 1, column 8
[[0],1]
st=4
parse error: Expected another key:value pair at line 1, column 4
st=4
parse error: Missing value in key:value pair at line 1, column 6
st=4
parse error: Expected a separator between values at line 1, column 6
st=4
parse error: Expected a separator between values at line 1, column 4
[["a"],{}]
st=4
parse error: Expected a separator between values at line 1, column 9
[[0],[]]
st=4
parse error: Unfinished JSON term at EOF at line 2, column 0
[[0],1]
st=4
parse error: Invalid literal at line 1, column 7

### stream-errors without input reading
jq -nc --stream-errors '[1, 2]'
--- stdout
[1,2]

### stream-errors passes events through
echo '[1,{"b":2},[]]' | jq -c --stream-errors .
--- vbash-differs: jq 1.7 behaviour: --stream-errors implies --stream (jq 1.6 does not stream: [1,{"b":2},[]])
--- stdout
[[0],1]
[[1,"b"],2]
[[1,"b"]]
[[2],[]]
[[2]]

### stream-errors turns an unfinished input into [message, path]
printf '{"a":[1,2\n' | jq -c --stream-errors .; echo "st=$?"
--- vbash-differs: jq 1.7 behaviour: the parse error is the input [message, path] (jq 1.6 aborts on an assertion, status 134)
--- stdout
[["a",0],1]
["Unfinished JSON term at EOF at line 2, column 0",["a",1]]
st=0

### stream-errors goes on with the next line
printf ']x\n1 ]\n{"k":[3\n' | jq -c --stream-errors .; echo "st=$?"
--- vbash-differs: jq 1.7 behaviour: after an error the rest of the line is dropped and the parser starts afresh; its line count leaves out what was dropped (jq 1.6 aborts on an assertion, status 134)
--- stdout
["Unmatched ']' at the top-level at line 1, column 1",[]]
[[],1]
["Unmatched ']' at the top-level at line 1, column 4",[]]
["Unfinished JSON term at EOF at line 2, column 0",["k",0]]
st=0

### stream-errors path of an object key not yet placed
printf '{"a" 1}\n[true]\n{"x":{"y":1,}}\n' | jq -c --stream-errors 'if length == 2 and (.[0] | type) == "string" then "error: \(.[0]) at \(.[1])" else . end'
--- vbash-differs: jq 1.7 behaviour: an object's key joins the path at its ':' (null before) (jq 1.6 aborts on an assertion, status 134)
--- stdout
"error: Expected separator between values at line 1, column 7 at [null]"
[[0],true]
[[0]]
[["x","y"],1]
"error: Expected another key:value pair at line 2, column 13 at [\"x\",null]"
