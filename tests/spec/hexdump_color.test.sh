# hexdump color units (_L[...]) and --color, as util-linux 2.38.1 prints
# them. Recorded from util-linux hexdump.

### color units skipped without colors
printf 'hello world\n' > f; hexdump -e '4/1 "%02x_L[red] " "\n"' f
--- stdout
68 65 6c 6c
6f 20 77 6f
72 6c 64 0a

### color units skipped with never
printf 'hello world\n' > f; hexdump --color=never -e '4/1 "%02x_L[red] " "\n"' f
--- stdout
68 65 6c 6c
6f 20 77 6f
72 6c 64 0a

### color units skipped with auto on a pipe
printf 'hello world\n' > f; hexdump -L -e '4/1 "%02x_L[red] " "\n"' f | cat -v; hexdump --color=auto -e '4/1 "%02x_L[red] " "\n"' f | cat -v
--- stdout
68 65 6c 6c
6f 20 77 6f
72 6c 64 0a
68 65 6c 6c
6f 20 77 6f
72 6c 64 0a

### one color always
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red] " "\n"' f | cat -v
--- stdout
^[[31m68^[[0m ^[[31m65^[[0m ^[[31m6c^[[0m ^[[31m6c^[[0m
^[[31m6f^[[0m ^[[31m20^[[0m ^[[31m77^[[0m ^[[31m6f^[[0m
^[[31m72^[[0m ^[[31m6c^[[0m ^[[31m64^[[0m ^[[31m0a^[[0m

### color mode case
printf 'hello world\n' > f; hexdump --color=ALWAYS -n1 -e '1/1 "%02x_L[red]\n"' f | cat -v
--- stdout
^[[31m68^[[0m

### bad color mode
printf 'hello world\n' > f; hexdump --color=x f; echo $?; hexdump --color=al f; echo $?; hexdump --color=undefined f; echo $?
--- stdout
1
1
1
--- stderr
hexdump: unsupported color mode: 'x'
hexdump: unsupported color mode: 'al'
hexdump: unsupported color mode: 'undefined'

### value offset and inverted conditions
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red:0x6c,green@2-5,!blue:0x20] " "\n"' f | cat -v
--- stdout
^[[34m68^[[0m ^[[34m65^[[0m ^[[31m6c^[[0m ^[[31m6c^[[0m
^[[32m6f^[[0m ^[[32m20^[[0m ^[[34m77^[[0m ^[[34m6f^[[0m
^[[34m72^[[0m ^[[31m6c^[[0m ^[[34m64^[[0m ^[[34m0a^[[0m

### octal value
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[cyan:0154] " "\n"' f | cat -v
--- stdout
68 65 ^[[36m6c^[[0m ^[[36m6c^[[0m
6f 20 77 6f
72 ^[[36m6c^[[0m 64 0a

### string condition
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%_p_L[red:l]" "\n"' f | cat -v
--- stdout
he^[[31ml^[[0m^[[31ml^[[0m
o wo
r^[[31ml^[[0md.

### string condition over a unit
printf 'hello world\n' > f; hexdump --color=always -e '1/4 "%08x_L[red:hell] " "\n"' f | cat -v
--- stdout
^[[31m6c6c6568^[[0m 
6f77206f 
0a646c72 

### string of the wrong length
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red:ll] " "\n"' f; echo $?
--- stdout
1
--- stderr
hexdump: bad byte count for conversion character _L

### value over four bytes
printf 'hello world\n' > f; hexdump --color=always -e '1/4 "%08x_L[red:0x6c6c6568]" "\n"' f | cat -v
--- stdout
^[[31m6c6c6568^[[0m
6f77206f
0a646c72

### address colors
printf 'hello world\n' > f; hexdump --color=always -e '"%07.7_ax_L[cyan]  " 8/1 "%02x " "\n"' f | cat -v
--- stdout
^[[36m0000000^[[0m  68 65 6c 6c 6f 20 77 6f
^[[36m0000008^[[0m  72 6c 64 0a            

### address value
printf 'hello world\n' > f; hexdump --color=always -e '"%07.7_ax_L[cyan:0x8]  " 8/1 "%02x " "\n"' f | cat -v
--- stdout
0000000  68 65 6c 6c 6f 20 77 6f
^[[36m0000008^[[0m  72 6c 64 0a            

### end address color
printf 'hello world\n' > f; hexdump --color=always -e '"%07.7_Ax_L[red]\n"' -e '"%07.7_ax  " 8/1 "%02x " "\n"' f | cat -v
--- stdout
0000000  68 65 6c 6c 6f 20 77 6f
0000008  72 6c 64 0a            
^[[31m000000c^[[0m

### color names
printf 'h' > f; for c in black blink blue bold brown cyan darkgray gray green halfbright lightblue lightcyan lightgray lightgreen lightmagenta lightred magenta red reset reverse yellow white 1 nope; do printf '%s: ' $c; hexdump --color=always -e "1/1 \"%02x_L[$c]\" \"\n\"" f | cat -v; done
--- stdout
black: ^[[30m68^[[0m
blink: ^[[5m68^[[0m
blue: ^[[34m68^[[0m
bold: ^[[1m68^[[0m
brown: ^[[33m68^[[0m
cyan: ^[[36m68^[[0m
darkgray: ^[[1;30m68^[[0m
gray: ^[[37m68^[[0m
green: ^[[32m68^[[0m
halfbright: ^[[2m68^[[0m
lightblue: ^[[1;34m68^[[0m
lightcyan: ^[[1;36m68^[[0m
lightgray: 68
lightgreen: ^[[1;32m68^[[0m
lightmagenta: ^[[1;35m68^[[0m
lightred: ^[[1;31m68^[[0m
magenta: ^[[35m68^[[0m
red: ^[[31m68^[[0m
reset: ^[[0m68^[[0m
reverse: ^[[7m68^[[0m
yellow: ^[[1;33m68^[[0m
white: 68
1: 68
nope: 68

### unknown color drops the list
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red:0x6c,nope] " "\n"' f | cat -v
--- stdout
68 65 6c 6c
6f 20 77 6f
72 6c 64 0a

### offset beyond the block
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red@9] " "\n"' f | cat -v
--- stdout
68 65 6c 6c
6f 20 77 6f
72 ^[[31m6c^[[0m 64 0a

### range reversed
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red@5-2] " "\n"' f; echo $?
--- stdout
1
--- stderr
hexdump: bad byte count for conversion character _L

### missing bracket
printf 'hello world\n' > f; hexdump -e '4/1 "%02x_L[red " "\n"' f; echo $?; hexdump --color=always -e '4/1 "%02x_Lred] " "\n"' f; echo $?; hexdump --color=always -e '4/1 "%02x_L[red " "\n"' f; echo $?
--- stdout
1
1
1
--- stderr
hexdump: bad conversion character %_L
hexdump: bad conversion character %] 
hexdump: bad conversion character %(null)

### last bracket of the string ends the list
printf 'hello world\n' > f; hexdump -e '2/1 "%02x_L[red] [x] " "\n"' f; hexdump --color=always -e '2/1 "%02x_L[red]|%02x_L[blue] " "\n"' f | cat -v
--- stdout
68 65
6c 6c
6f 20
77 6f
72 6c
64 0a
68 65
6c 6c
6f 20
77 6f
72 6c
64 0a

### bad hex value
printf 'hello world\n' > f; hexdump --color=always -e '4/1 "%02x_L[red:0xzz] " "\n"' f; echo $?
--- stdout
68 65 6c 6c
6f 20 77 6f
72 6c 64 0a
0

### colors past the end of data
printf 'hello\n' > f; hexdump --color=always -e '4/1 "%02x_L[red:0x6c,green] " "\n"' f | cat -v
--- stdout
^[[32m68^[[0m ^[[32m65^[[0m ^[[31m6c^[[0m ^[[31m6c^[[0m
^[[32m6f^[[0m ^[[32m0a^[[0m ^[[32m  ^[[0m ^[[32m  ^[[0m

### canonical with colors always
printf 'hello world\n' > f; hexdump --color=always -C f | cat -v
--- stdout
00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |hello world.|
0000000c

### help lists color
hexdump --help | grep -A1 color
--- stdout
 -L, --color[=<mode>]      interpret color formatting specifiers
                             colors are enabled by default
 -e, --format <format>     format string to be used for displaying data
