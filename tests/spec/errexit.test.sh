# errexit: spec cases recorded from bash 5.2
### set -e stops at failing command
set -e; echo a; false; echo b
--- stdout
a
--- status 1

### set -e ignores failure in if condition
set -e; if false; then echo t; fi; echo after
--- stdout
after

### set -e ignores failure in while condition
set -e; while false; do :; done; echo after
--- stdout
after

### set -e ignores left of &&
set -e; false && echo x; echo after
--- stdout
after

### set -e last of && list fails exits
set -e; true && false; echo after
--- status 1

### set -e ignores left of ||
set -e; false || echo rescued; echo after
--- stdout
rescued
after

### set -e ignores negated pipeline
set -e; ! true; echo after
--- stdout
after

### set -e negated false
set -e; ! false; echo after $?
--- stdout
after 0

### set -e in function body
set -e; f() { echo in; false; echo notreached; }; f; echo after
--- stdout
in
--- status 1

### set -e function called in if condition is ignored
set -e; f() { false; echo still; }; if f; then echo ok; fi; echo after
--- stdout
still
ok
after

### set -e function called with && ignored inside
set -e; f() { false; echo still; return 3; }; f && echo yes; echo after $?
--- stdout
still
after 3

### set -e in subshell exits subshell only
set -e; (false; echo no); echo after $?
--- status 1

### set -e subshell status propagates
set -e; (exit 4); echo never
--- status 4

### set -e command substitution does not inherit
set -e; x=$(false; echo inside); echo "[$x]"
--- stdout
[inside]

### inherit_errexit in command substitution
set -e; shopt -s inherit_errexit; x=$(false; echo inside); echo "[$x]"
--- status 1

### set -e assignment with failing command substitution
set -e; x=$(exit 3); echo never
--- status 3

### set -e local hides failing command substitution status
set -e; f() { local x=$(exit 3); echo survived $?; }; f
--- stdout
survived 0

### set -e pipeline last element matters
set -e; false | true; echo after
--- stdout
after

### set -e pipeline failing last
set -e; true | false; echo never
--- status 1

### set -e pipefail
set -e; set -o pipefail; false | true; echo never
--- status 1

### set -e in group
set -e; { false; echo no; }; echo never
--- status 1

### set -e group with || rescue
set -e; { false; echo yes; } || echo rescue; echo after
--- stdout
yes
after

### set -e and (( ))
set -e; (( 0 )); echo never
--- status 1

### set -e and (( )) in condition
set -e; if (( 0 )); then :; fi; echo after
--- stdout
after

### set -e and [[ ]]
set -e; [[ a == b ]]; echo never
--- status 1

### set +e turns off
set -e; set +e; false; echo after
--- stdout
after

### set -e exit status is failing command status
set -e; f() { return 7; }; f; echo never
--- status 7

### errexit option listing
set -e; echo $-; set -o | grep errexit
--- stdout
ehBc
errexit        	on

### ERR trap fires on failure
trap 'echo err $?' ERR; false; echo after
--- stdout
err 1
after

### ERR trap with set -e
set -e; trap 'echo err handler' ERR; false; echo never
--- stdout
err handler
--- status 1

### ERR trap not in condition
trap 'echo err' ERR; if false; then :; fi; false || true; echo done
--- stdout
done

### ERR trap not inherited by function without -E
trap 'echo err' ERR; f() { false; echo in f; }; f; echo end
--- stdout
in f
end

### ERR trap inherited with set -E
set -E; trap 'echo err' ERR; f() { false; echo in f; }; f
--- stdout
err
in f

### set -e in eval
set -e; eval 'false; echo no'; echo never
--- status 1

### set -e in loop body
set -e; for i in 1 2; do echo $i; false; done; echo never
--- stdout
1
--- status 1

### set -e ignored in until condition
set -e; until true; do :; done; echo ok
--- stdout
ok

### set -e case fallthrough failure
set -e; case a in a) false;; esac; echo never
--- status 1

### set -e with command that succeeds in subshell if
set -e; if (false; echo sub); then echo then; fi
--- stdout
sub
then

### set -e exit trap runs
set -e; trap 'echo exiting $?' EXIT; false
--- stdout
exiting 1
--- status 1

### set -e in sourced file
echo 'false; echo no' > s.sh; set -e; . ./s.sh; echo never
--- status 1

### errexit off inside function called in ||
set -e; f() { false; echo cont; }; f || echo failed; echo end
--- stdout
cont
end

### set -o errexit and shopt -o
set -o errexit; shopt -o errexit; shopt -qo errexit && echo on
--- stdout
errexit        	on
on
