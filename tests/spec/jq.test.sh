# jq: expectations recorded from jq 1.6 (Debian). Cases of jq 1.7 behaviour that 1.6 lacks say so.
### identity pretty
echo '{"a":1,"b":[1,2]}' | jq .
--- stdout
{
  "a": 1,
  "b": [
    1,
    2
  ]
}

### compact
echo '{"a":1,"b":[1,2]}' | jq -c .
--- stdout
{"a":1,"b":[1,2]}

### field
echo '{"a":{"b":3}}' | jq .a.b
--- stdout
3

### missing field is null
echo '{}' | jq .x
--- stdout
null

### quoted field
echo '{"a b":1}' | jq '."a b"'
--- stdout
1

### bracket field
echo '{"a":1}' | jq '.["a"]'
--- stdout
1

### array index
echo '[10,20,30]' | jq '.[1], .[-1], .[5]'
--- stdout
20
30
null

### array slice
echo '[1,2,3,4,5]' | jq -c '.[1:3], .[:2], .[-2:], .[3:1]'
--- stdout
[2,3]
[1,2]
[4,5]
[]

### string slice
echo '"abcdef"' | jq '.[2:4]'
--- stdout
"cd"

### iterate array
echo '[1,2,3]' | jq '.[]'
--- stdout
1
2
3

### iterate object
echo '{"a":1,"b":2}' | jq '.[]'
--- stdout
1
2

### optional iterate
echo '1' | jq '.[]?'

### optional field
echo '[1]' | jq '.a?'

### pipe
echo '{"a":[{"b":1},{"b":2}]}' | jq '.a[] | .b'
--- stdout
1
2

### comma
echo '{"a":1,"b":2}' | jq '.a, .b'
--- stdout
1
2

### array construction
echo '{"a":1,"b":2}' | jq -c '[.a, .b]'
--- stdout
[1,2]

### object construction
echo '{"a":1,"b":2}' | jq -c '{x: .a, y: .b}'
--- stdout
{"x":1,"y":2}

### object shorthand
echo '{"a":1,"b":2,"c":3}' | jq -c '{a, c}'
--- stdout
{"a":1,"c":3}

### object computed key
echo '{"k":"name","v":5}' | jq -c '{(.k): .v}'
--- stdout
{"name":5}

### object with variable
jq -nc '1 as $x | {$x}'
--- stdout
{"x":1}

### object multiple outputs
jq -nc '{a: (1,2), b: (3,4)}'
--- stdout
{"a":1,"b":3}
{"a":1,"b":4}
{"a":2,"b":3}
{"a":2,"b":4}

### recursive descent
echo '{"a":{"b":[1]}}' | jq -c '..'
--- stdout
{"a":{"b":[1]}}
{"b":[1]}
[1]
1

### arithmetic
jq -n '1 + 2 * 3, 10 / 4, 10 % 3, -(2)'
--- stdout
7
2.5
1
-2

### string addition
jq -n '"a" + "b"'
--- stdout
"ab"

### array addition and subtraction
jq -nc '[1,2] + [3], [1,2,3,1] - [1]'
--- stdout
[1,2,3]
[2,3]

### object addition
jq -nc '{"a":1} + {"b":2}, {"a":1} + {"a":2}'
--- stdout
{"a":1,"b":2}
{"a":2}

### object multiplication deep merge
jq -nc '{"a":{"b":1,"c":2}} * {"a":{"b":3}}'
--- stdout
{"a":{"b":3,"c":2}}

### string multiplication
jq -n '"ab" * 3, "x" * 0'
--- stdout
"ababab"
null

### string division
jq -nc '"a,b,c" / ","'
--- stdout
["a","b","c"]

### null addition
jq -n 'null + 1, 1 + null'
--- stdout
1
1

### division by zero
jq -n '1 / 0'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: Division by zero? at <top-level>, line 1:
1 / 0
jq: 1 compile error

### type error in addition
jq -n '1 + "a"'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): number (1) and string ("a") cannot be added

### comparisons
jq -nc '[1 < 2, 2 <= 2, "a" < "b", [1] < [2], {} > [], null < false, 1 == 1.0, "a" != "b"]'
--- stdout
[true,true,true,true,true,true,true,true]

### sort order of types
jq -nc '[{}, [], "a", 1, true, false, null] | sort'
--- stdout
[null,false,true,1,"a",[],{}]

### and or not
jq -nc '[true and false, true or false, (1 | not), (null | not)]'
--- stdout
[false,true,false,true]

### alternative
jq -nc '[null // 1, false // "x", 0 // 1, (empty // 2)]'
--- stdout
[1,"x",0,2]

### alternative with errors
jq -n '(error("x")) // 5'
--- stderr
jq: error (at <unknown>): x
--- status 5

### if then else
jq -n 'if 1 > 2 then "a" elif 2 > 1 then "b" else "c" end'
--- stdout
"b"

### if without else
jq -nc '[1,2,3] | map(if . > 1 then . * 10 else . end)'
--- stdout
[1,20,30]

### map
jq -nc '[1,2,3] | map(. + 1)'
--- stdout
[2,3,4]

### select
jq -nc '[1,2,3,4] | map(select(. % 2 == 0))'
--- stdout
[2,4]

### length
jq -nc '[[1,2], "héllo", {"a":1}, null, -5] | map(length)'
--- stdout
[2,5,1,0,5]

### utf8bytelength
jq -n '"héllo" | utf8bytelength'
--- stdout
6

### keys and keys_unsorted
echo '{"b":1,"a":2}' | jq -c 'keys, keys_unsorted'
--- stdout
["a","b"]
["b","a"]

### keys of array
jq -nc '[5,6] | keys'
--- stdout
[0,1]

### has
jq -nc '{"a":1} | has("a"), has("b")'
--- stdout
true
false

### has on array
jq -nc '[1,2] | has(1), has(2)'
--- stdout
true
false

### in
jq -nc '"a" | in({"a":1})'
--- stdout
true

### contains
jq -nc '"foobar" | contains("bar"), ([1,2,3] | contains([1])), ({"a":{"b":1}} | contains({"a":{}}))'
--- stdout
true
true
true

### inside
jq -nc '"bar" | inside("foobar")'
--- stdout
true

### add
jq -nc '[1,2,3] | add, ([] | add), (["a","b"] | add), ([[1],[2]] | add)'
--- stdout
6
null
"ab"
[1,2]

### any all
jq -nc '[true,false] | any, all'
--- stdout
true
false

### any all with filter
jq -nc '[1,2,3] | any(. > 2), all(. > 0)'
--- stdout
true
true

### range
jq -nc '[range(5)], [range(2;5)], [range(0;10;3)], [range(5;0;-2)]'
--- stdout
[0,1,2,3,4]
[2,3,4]
[0,3,6,9]
[5,3,1]

### floor sqrt pow log
jq -nc '[3.7 | floor], [16 | sqrt], [pow(2;10)], [1 | exp | log]'
--- stdout
[3]
[4]
[1024]
[1]

### tostring tonumber
jq -nc '[1, "1", [1]] | map(tostring), ("42" | tonumber)'
--- stdout
["1","1","[1]"]
42

### tonumber error
jq -n '"abc" | tonumber'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Invalid numeric literal at EOF at line 1, column 3 (while parsing 'abc')

### type
jq -nc '[null, true, 1, "a", [], {}] | map(type)'
--- stdout
["null","boolean","number","string","array","object"]

### infinite nan
jq -nc '[infinite, -infinite, nan] | map(isinfinite), (nan | isnan), ([nan] | sort)'
--- stdout
[true,true,false]
true
[null]

### sort
jq -nc '[3,1,2] | sort'
--- stdout
[1,2,3]

### sort_by
jq -nc '[{"a":2},{"a":1}] | sort_by(.a)'
--- stdout
[{"a":1},{"a":2}]

### sort_by multiple keys
jq -nc '[{"a":1,"b":2},{"a":1,"b":1},{"a":0,"b":9}] | sort_by(.a, .b)'
--- stdout
[{"a":0,"b":9},{"a":1,"b":1},{"a":1,"b":2}]

### group_by
jq -nc '[{"a":1,"b":"x"},{"a":2,"b":"y"},{"a":1,"b":"z"}] | group_by(.a)'
--- stdout
[[{"a":1,"b":"x"},{"a":1,"b":"z"}],[{"a":2,"b":"y"}]]

### unique
jq -nc '[1,2,1,3,2] | unique'
--- stdout
[1,2,3]

### unique_by
jq -nc '["a","bb","c","dd"] | unique_by(length)'
--- stdout
["a","bb"]

### min max
jq -nc '[3,1,2] | min, max, ([] | min)'
--- stdout
1
3
null

### min_by max_by
jq -nc '[{"a":3},{"a":1}] | min_by(.a), max_by(.a)'
--- stdout
{"a":1}
{"a":3}

### reverse
jq -nc '[1,2,3] | reverse, ("abc" | reverse)'
--- stdout
[3,2,1]
--- stderr
jq: error (at <unknown>): Cannot index string with number
--- status 5

### flatten
jq -nc '[1,[2,[3,[4]]]] | flatten, flatten(1)'
--- stdout
[1,2,3,4]
[1,2,[3,[4]]]

### indices index rindex
jq -nc '"a,b, cd, efg" | index(", "), rindex(", "), indices(", ")'
--- stdout
3
7
[3,7]

### array indices
jq -nc '[0,1,2,1,3,1,4] | indices(1), indices([1,2])'
--- stdout
[1,3,5]
[1]

### startswith endswith
jq -nc '"foobar" | startswith("foo"), endswith("foo")'
--- stdout
true
false

### ltrimstr rtrimstr
jq -nc '"foobar" | ltrimstr("foo"), rtrimstr("bar"), ltrimstr("x")'
--- stdout
"bar"
"foo"
"foobar"

### split join
jq -nc '"a-b-c" | split("-"), (split("-") | join("+"))'
--- stdout
["a","b","c"]
"a+b+c"

### join with numbers and null
jq -nc '["a", 1, null, true] | join(",")'
--- stdout
"a,1,,true"

### ascii case
jq -nc '"aBc" | ascii_downcase, ascii_upcase'
--- stdout
"abc"
"ABC"

### explode implode
jq -nc '"abc" | explode, (explode | implode)'
--- stdout
[97,98,99]
"abc"

### tojson fromjson
jq -nc '{"a":[1,"x"]} | tojson, (tojson | fromjson)'
--- stdout
"{\"a\":[1,\"x\"]}"
{"a":[1,"x"]}

### to_entries from_entries
jq -nc '{"a":1,"b":2} | to_entries, (to_entries | from_entries)'
--- stdout
[{"key":"a","value":1},{"key":"b","value":2}]
{"a":1,"b":2}

### from_entries variants
jq -nc '[{"k":"a","v":1},{"name":"b","value":2}] | from_entries'
--- stderr
jq: error (at <unknown>): Cannot use null (null) as object key
--- status 5

### with_entries
jq -nc '{"a":1,"b":2} | with_entries(.value += 10)'
--- stdout
{"a":11,"b":12}

### paths
jq -nc '{"a":{"b":1},"c":[2]} | [paths]'
--- stdout
[["a"],["a","b"],["c"],["c",0]]

### leaf_paths
jq -nc '{"a":{"b":1},"c":[2]} | [leaf_paths]'
--- stdout
[["a","b"],["c",0]]

### paths with filter
jq -nc '{"a":1,"b":"x"} | [paths(type == "number")]'
--- stdout
[["a"]]

### path
jq -nc 'path(.a[0].b), [path(..)]'
--- stdout
["a",0,"b"]
[[]]

### getpath setpath delpaths
jq -nc '{"a":{"b":1}} | getpath(["a","b"]), setpath(["a","c"]; 2), delpaths([["a","b"]])'
--- stdout
1
{"a":{"b":1,"c":2}}
{"a":{}}

### getpath missing
jq -nc '{"a":1} | getpath(["x","y"])'
--- stdout
null

### del
jq -nc '{"a":1,"b":2,"c":3} | del(.a, .c)'
--- stdout
{"b":2}

### del array elements
jq -nc '[1,2,3,4] | del(.[0,2])'
--- stdout
[2,4]

### update assignment
jq -nc '{"a":1} | .a |= . + 1'
--- stdout
{"a":2}

### plain assignment
jq -nc '{"a":1,"b":2} | .a = .b'
--- stdout
{"a":2,"b":2}

### arithmetic update
jq -nc '{"a":1} | .a += 5, .a -= 1, .a *= 3, .a /= 2, .a %= 1'
--- stdout
{"a":6}
{"a":0}
{"a":3}
{"a":0.5}
{"a":0}

### alternative assignment
jq -nc '{"a":null,"b":1} | .a //= 7 | .b //= 9'
--- stdout
{"a":7,"b":1}

### update creates paths
jq -nc 'null | .a.b[2] = 1'
--- stdout
{"a":{"b":[null,null,1]}}

### update all elements
jq -nc '[1,2,3] | .[] |= . * 2'
--- stdout
[2,4,6]

### update with empty deletes
jq -nc '[1,2,3] | (.[] | select(. == 2)) |= empty'
--- stdout
[1,3]

### map_values
jq -nc '{"a":1,"b":2} | map_values(. * 10)'
--- stdout
{"a":10,"b":20}

### reduce
jq -n 'reduce range(1;6) as $i (0; . + $i)'
--- stdout
15

### foreach
jq -nc '[foreach range(1;5) as $i (0; . + $i)]'
--- stdout
[1,3,6,10]

### foreach with extract
jq -nc '[foreach range(1;4) as $i (0; . + $i; [$i, .])]'
--- stdout
[[1,1],[2,3],[3,6]]

### variables
jq -nc '1 as $x | 2 as $y | [$x, $y, $x + $y]'
--- stdout
[1,2,3]

### destructuring array
jq -nc '[1,[2,3]] as [$a, [$b, $c]] | {a: $a, b: $b, c: $c}'
--- stdout
{"a":1,"b":2,"c":3}

### destructuring object
jq -nc '{"x":1,"y":{"z":2}} as {x: $x, y: {z: $z}} | [$x, $z]'
--- stdout
[1,2]

### destructuring shorthand
jq -nc '{"a":1,"b":2} as {$a, $b} | $a + $b'
--- stdout
3

### user function
jq -nc 'def double: . * 2; [1,2] | map(double)'
--- stdout
[2,4]

### function with argument
jq -nc 'def apply(f): [.[] | f]; [1,2] | apply(. + 1)'
--- stdout
[2,3]

### function with value argument
jq -nc 'def add3($a; $b; $c): $a + $b + $c; add3(1; 2; 3)'
--- stdout
6

### recursive function
jq -n 'def fact: if . <= 1 then 1 else . * (. - 1 | fact) end; 10 | fact'
--- stdout
3628800

### closure scoping
jq -nc 'def f: 1; def g: f; def f: 2; [g, f]'
--- stdout
[1,2]

### nested definitions
jq -nc 'def outer(x): def inner: x * 2; inner; 5 | outer(. + 1)'
--- stdout
12

### string interpolation
jq -n '"1 + 2 = \(1 + 2)"'
--- stdout
"1 + 2 = 3"

### interpolation of objects
jq -n '"v: \({"a":1})"'
--- stdout
"v: {\"a\":1}"

### format base64
jq -n '"hello" | @base64, (@base64 | @base64d)'
--- stdout
"aGVsbG8="
"hello"

### format uri
jq -n '"a b&c=d/é" | @uri'
--- stdout
"a%20b%26c%3Dd%2F%C3%A9"

### format csv tsv
jq -nr '[1, "a,b", "c\"d", null, true] | @csv, @tsv'
--- stdout
1,"a,b","c""d",,true
1	a,b	c"d		true

### format html
jq -nr '"<a href=\"x\">&</a>" | @html'
--- stdout
&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;

### format sh
jq -nr '"it'"'"'s", ["a b", 1] | @sh'
--- stdout
'it'\''s'
'a b' 1

### format json text
jq -nr '[1,"a"] | @json, @text'
--- stdout
[1,"a"]
[1,"a"]

### format with interpolation
jq -nr '"x y" | @uri "q=\(.)&r=\("&")"'
--- stdout
q=x%20y&r=%26

### base32
jq -nr '"hello" | @base32'
--- vbash-differs: @base32 is a jq 1.7 format; jq 1.6 reports it as invalid
--- stdout
NBSWY3DP

### base32d is jq 1.7
jq -nr '"hello" | @base32 | @base32d'
--- vbash-differs: @base32d is a jq 1.7 format; jq 1.6 reports it as invalid
--- stdout
hello

### try catch
jq -nc 'try error("bad") catch ., (try (1/0) catch "caught")'
--- stderr
jq: error: Division by zero? at <top-level>, line 1:
try error("bad") catch ., (try (1/0) catch "caught")                                
jq: 1 compile error
--- status 3

### try without catch
jq -nc '[.[]?], [try error("x")]'
--- stdout
[]
[]

### error with object
jq -nc 'try error({"code":1}) catch .code'
--- stdout
1

### error message output
jq -n 'error("custom")'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): custom

### error not a string
jq -n 'error({"a":1})'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>) (not a string): {"a":1}

### label break
jq -nc '[label $out | 1, 2, break $out, 3]'
--- stdout
[1,2]

### limit
jq -nc '[limit(3; range(10))]'
--- stdout
[0,1,2]

### limit zero
jq -nc '[limit(0; 1,2)]'
--- vbash-differs: jq 1.7 semantics: limit(0; f) is empty (jq 1.6 emitted one value)
--- stdout
[]

### first last nth
jq -nc '[range(5)] | first, last, nth(2), first(range(10;20)), last(range(3))'
--- stdout
0
4
2
10
2

### until while
jq -nc '[1 | until(. > 100; . * 2)], [1 | while(. < 20; . * 3)]'
--- stdout
[128]
[1,3,9]

### repeat
jq -nc '[1 | limit(4; repeat(. * 2))]'
--- stdout
[2,2,2,2]

### isempty
jq -nc 'isempty(empty), isempty(1)'
--- stdout
true
false

### empty
jq -nc '[1, empty, 2]'
--- stdout
[1,2]

### recurse
jq -nc '{"a":[{"a":[]}]} | [recurse(.a[])] | length'
--- stdout
2

### recurse with condition
jq -nc '2 | [recurse(. * .; . < 100)]'
--- stdout
[2,4,16]

### env
FOO=bar jq -n 'env.FOO, $ENV.FOO'
--- stdout
"bar"
"bar"

### arg
jq -n --arg x hi '$x'
--- stdout
"hi"

### argjson
jq -nc --argjson v '{"a":[1]}' '$v.a'
--- stdout
[1]

### args positional
jq -nc '$ARGS' --args a b
--- stdout
{"positional":["a","b"],"named":{}}

### jsonargs
jq -nc '$ARGS.positional' --jsonargs 1 '"x"' '[2]'
--- stdout
[1,"x",[2]]

### named args
jq -nc --arg a 1 --argjson b 2 '$ARGS.named'
--- stdout
{"a":"1","b":2}

### slurpfile rawfile
printf '1 2\n' > v.json; printf 'raw\n' > r.txt; jq -nc --slurpfile v v.json --rawfile r r.txt '[$v, $r]'
--- stdout
[[1,2],"raw\n"]

### raw output
echo '["a","b"]' | jq -r '.[]'
--- stdout
a
b

### join output
echo '["a","b"]' | jq -j '.[]'; echo
--- stdout
ab

### raw output of non-strings
echo '[1,{"a":"x"}]' | jq -r '.[]'
--- stdout
1
{
  "a": "x"
}

### ascii output
jq -na '"é ☃ 😀"'
--- stdout
"\u00e9 \u2603 \ud83d\ude00"

### sort keys
echo '{"b":1,"a":{"d":1,"c":2}}' | jq -S -c .
--- stdout
{"a":{"c":2,"d":1},"b":1}

### tab indent
echo '{"a":[1]}' | jq --tab .
--- stdout
{
	"a": [
		1
	]
}

### indent 4
echo '{"a":[1]}' | jq --indent 4 .
--- stdout
{
    "a": [
        1
    ]
}

### indent 0
echo '{"a":[1]}' | jq --indent 0 .
--- stdout
{"a":[1]}

### null input
jq -n '1, null'
--- stdout
1
null

### slurp
printf '1 2 3' | jq -c -s .
--- stdout
[1,2,3]

### slurp empty input
printf '' | jq -c -s .
--- stdout
[]

### raw input
printf 'a\nb\n' | jq -R .
--- stdout
"a"
"b"

### raw input slurp
printf 'a\nb\n' | jq -Rs .
--- stdout
"a\nb\n"

### multiple inputs
printf '{"a":1}\n{"a":2}\n' | jq .a
--- stdout
1
2

### input and inputs
printf '1\n2\n3\n4\n' | jq -c '[., input]' ; printf '1 2 3' | jq -nc '[inputs]'
--- stdout
[1,2]
[3,4]
[1,2,3]

### input past the end
printf '1\n' | jq -c '[., input]'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <stdin>:1): break

### exit status
echo 'null' | jq -e .; echo rc=$?; echo '1' | jq -e .; echo rc=$?; echo '[]' | jq -e '.[]'; echo rc=$?
--- stdout
null
rc=1
1
rc=0
rc=4

### seq output
jq -nc --seq '1' | od -c | head -1
--- stdout
0000000 036   1  \n

### file input
echo '{"x":5}' > f.json; jq .x f.json
--- stdout
5

### multiple files
echo 1 > a.json; echo 2 > b.json; jq -c '.' a.json b.json
--- stdout
1
2

### missing file
jq . nope.json; echo rc=$?
--- stdout
rc=2
--- stderr
jq: error: Could not open file nope.json: No such file or directory

### invalid json input
echo '{"a":1' | jq .; echo rc=$?
--- stdout
rc=4
--- stderr
parse error: Unfinished JSON term at EOF at line 2, column 0

### invalid json literal
echo 'nul' | jq .; echo rc=$?
--- stdout
rc=4
--- stderr
parse error: Invalid literal at line 2, column 0

### syntax error
jq -n '.a |'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: syntax error, unexpected $end (Unix shell quoting issues?) at <top-level>, line 1:
.a |   
jq: 1 compile error

### undefined function
jq -n 'foo'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: foo/0 is not defined at <top-level>, line 1:
foo
jq: 1 compile error

### undefined function arity
jq -n 'map'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: map/0 is not defined at <top-level>, line 1:
map
jq: 1 compile error

### undefined variable
jq -n '$nope'; echo rc=$?
--- stdout
rc=3
--- stderr
jq: error: $nope is not defined at <top-level>, line 1:
$nope
jq: 1 compile error

### cannot index
echo '1' | jq '.a'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <stdin>:1): Cannot index number with string "a"

### cannot index array with string
echo '[1]' | jq '.["a"]'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <stdin>:1): Cannot index array with string "a"

### cannot iterate
echo '5' | jq '.[]'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <stdin>:1): Cannot iterate over number (5)

### error continues with next input
printf '1 "a" 2' | jq '. + 1'; echo rc=$?
--- stdout
2
3
rc=0
--- stderr
jq: error (at <stdin>:0): string ("a") and number (1) cannot be added

### numbers formatting
jq -nc '[1.0, 1.5, 100, 1e3, 1e17, 1.5e-7, 0.1, 3.141592653589793, 1e1000, -0, 0.00001, 123456789012]'
--- vbash-differs: jq 1.7 behaviour: literals print as written, in decNumber's form (jq 1.6: [1,1.5,100,1000,1e+17,1.5e-07,0.1,3.141592653589793,1.7976931348623157e+308,-0,1e-05,123456789012])
--- stdout
[1.0,1.5,100,1E+3,1E+17,1.5E-7,0.1,3.141592653589793,1E+1000,-0,0.00001,123456789012]

### large integers
jq -nc '[100000000000000000000001, 9007199254740993]'
--- vbash-differs: jq 1.7 behaviour: integer literals keep every digit (jq 1.6: [100000000000000010000000,9007199254740992])
--- stdout
[100000000000000000000001,9007199254740993]

### string escapes output
jq -n '"a\"b\\c\nd\te\u0001"'
--- stdout
"a\"b\\c\nd\te\u0001"

### unicode escapes input
echo '"\u00e9\ud83d\ude00"' | jq .
--- stdout
"é😀"

### test match
jq -nc '"foo bar" | test("o b"), test("O B"; "i"), test("^bar")'
--- stdout
true
true
false

### match object
jq -nc '"abc" | match("b")'
--- stdout
{"offset":1,"length":1,"string":"b","captures":[]}

### match global
jq -nc '"aXbXc" | [match("X"; "g") | .offset]'
--- stdout
[1,3]

### match captures
jq -nc '"foo 123" | match("(\\w+) (?<num>\\d+)") | .captures | map(.string, .name)'
--- stdout
["foo",null,"123","num"]

### capture
jq -nc '"xyz-42" | capture("(?<a>[a-z]+)-(?<n>[0-9]+)")'
--- stdout
{"a":"xyz","n":"42"}

### scan
jq -nc '"a1b22c333" | [scan("[0-9]+")], [scan("([a-z])([0-9])")]'
--- stdout
["1","22","333"]
[["a","1"],["b","2"],["c","3"]]

### split regex
jq -nc '"a1b22c" | split("[0-9]+"; null)'
--- stdout
["a","b","c"]

### splits
jq -nc '"a, b,c" | [splits(", *")]'
--- stdout
["a","b","c"]

### sub gsub
jq -nc '"foo foo" | sub("foo"; "bar"), gsub("o"; "0"), gsub("(?<x>f)"; "<\(.x)>")'
--- stdout
"bar foo"
"f00 f00"
"<f>oo <f>oo"

### ascii
jq -n '65 | [.] | implode'
--- stdout
"A"

### tostream fromstream
jq -nc '{"a":[1,2]} | [tostream], fromstream(tostream)'
--- stdout
[[["a",0],1],[["a",1],2],[["a",1]],[["a"]]]
{"a":[1,2]}

### truncate_stream
jq -nc '[1|truncate_stream([[0],1],[[1,0],2],[[1,0]],[[1]])]'
--- stdout
[[[0],2],[[0]]]

### combinations
jq -nc '[[1,2],[3,4]] | [combinations]'
--- stdout
[[1,3],[1,4],[2,3],[2,4]]

### transpose
jq -nc '[[1,2],[3]] | transpose'
--- stdout
[[1,3],[2,null]]

### walk
jq -nc '[1,[2,{"a":3}]] | walk(if type == "number" then . + 1 else . end)'
--- stdout
[2,[3,{"a":4}]]

### splits strings
jq -nc '[.[]?] | length'
--- stdout
0

### todate fromdate
jq -n '0 | todate, ("2015-03-05T23:51:47Z" | fromdate)'
--- stdout
"1970-01-01T00:00:00Z"
1425599507

### strftime gmtime mktime
jq -nc '1425599621 | gmtime, (gmtime | mktime), strftime("%Y-%m-%d %H:%M")'
--- stdout
[2015,2,5,23,53,41,4,63]
1425599621
"2015-03-05 23:53"

### strptime
jq -nc '"2015-03-05T23:51:47Z" | strptime("%Y-%m-%dT%H:%M:%SZ")'
--- stdout
[2015,2,5,23,51,47,4,63]

### min_by on empty
jq -nc '[] | min_by(.a)'
--- stdout
null

### getpath on null
jq -nc 'null | getpath(["a"])'
--- stdout
null

### setpath errors
jq -nc '1 | setpath(["a"]; 1)'; echo rc=$?
--- stdout
rc=5
--- stderr
jq: error (at <unknown>): Cannot index number with string "a"

### to_entries on array fails
jq -nc '[1] | to_entries' ; echo rc=$?
--- stdout
[{"key":0,"value":1}]
rc=0

### optional error suppression
jq -nc '[1, "a", [2]] | map(try (. + 1) catch "err")'
--- stdout
[2,"err","err"]

### reduce with multiple outputs
jq -nc 'reduce (1,2,3) as $x ([]; . + [$x])'
--- stdout
[1,2,3]

### nested iteration paths
jq -nc '{"a":[{"b":1},{"b":2}]} | [paths(type == "number")]'
--- stdout
[["a",0,"b"],["a",1,"b"]]

### delete with select
jq -nc '[{"a":1},{"a":2}] | del(.[] | select(.a == 1))'
--- stdout
[{"a":2}]

### update nested
jq -nc '{"users":[{"n":"a","age":1},{"n":"b","age":2}]} | .users[].age += 10'
--- stdout
{"users":[{"n":"a","age":11},{"n":"b","age":12}]}

### key order preserved
echo '{"z":1,"a":2,"m":3}' | jq -c '. + {"b":4}'
--- stdout
{"z":1,"a":2,"m":3,"b":4}

### duplicate keys last wins
echo '{"a":1,"a":2}' | jq -c .
--- stdout
{"a":2}

### deep nesting
jq -nc '[[[[[[[[[[1]]]]]]]]]] | flatten'
--- stdout
[1]

### long pipeline
echo '[{"name":"a","tags":["x","y"]},{"name":"b","tags":["y"]}]' | jq -c '[.[] | select(.tags | index("y")) | .name]'
--- stdout
["a","b"]

### group and count
echo '["a","b","a","c","a"]' | jq -c 'group_by(.) | map({key: .[0], value: length}) | from_entries'
--- stdout
{"a":3,"b":1,"c":1}

### to csv rows
echo '[{"a":1,"b":"x"},{"a":2,"b":"y"}]' | jq -r '.[] | [.a, .b] | @csv'
--- stdout
1,"x"
2,"y"

### builtins count positive
jq -n 'builtins | length > 10'
--- stdout
true

### input_filename
echo '{}' > in.json; jq 'input_filename' in.json; echo '{}' | jq 'input_filename'
--- stdout
"in.json"
"<stdin>"

### dollar loc
jq -nc '$__loc__'
--- stdout
{"file":"<top-level>","line":1}

### halt_error
jq -n '"bye\n" | halt_error(1)'; echo rc=$?
--- stdout
rc=1
--- stderr
bye

### halt
jq -n '1, halt, 2'; echo rc=$?
--- stdout
1
rc=0

### string comparison unicode
jq -nc '["b","a","é","Z"] | sort'
--- stdout
["Z","a","b","é"]

### object comparison
jq -nc '[{"a":2},{"a":1},{"b":0}] | sort'
--- stdout
[{"a":1},{"a":2},{"b":0}]

### array equality
jq -nc '[1,[2]] == [1,[2]], {"a":1,"b":2} == {"b":2,"a":1}'
--- stdout
true
true

### negative index assignment
jq -nc '[1,2,3] | .[-1] = 9'
--- stdout
[1,2,9]

### slice assignment
jq -nc '[1,2,3,4] | .[1:3] = ["x"]'
--- stdout
[1,"x",4]

### limit negative
jq -nc '[limit(-1; 1,2)]'
--- stdout
[1,2]

### optional on non-iterable in path
jq -nc '{"a":5} | [.a[]?]'

--- stdout
[]
