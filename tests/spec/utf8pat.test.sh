# utf8pat: patterns match characters, not bytes, in C.UTF-8 (recorded from bash 5.2)
### ? and brackets match one character
x=éa; echo "${x#?}" "${#x}" "${x:1}"
[[ é == ? ]] && echo q1
[[ é == [é] ]] && echo q2
[[ é == [[:alpha:]] ]] && echo q3
[[ É == [[:upper:]] ]] && echo q4
[[ ü == [!a] ]] && echo q5
--- stdout
a 2 a
q1
q2
q3
q4
q5

### replacement and trimming by characters
x='héllo wörld ñ'
echo "${x//?/.}" "${x//[[:alpha:]]/A}" "${x//[^a-z ]/_}" "${x/#??/X}" "${x/%?/Z}"
echo "${x%%ö*}" "${x##*[é]}" "${x#*?}" "${x%?*}"
y=aéb; echo "${y/?b/X}" "${y%?}" "${y//[é]/E}"
--- stdout
............. AAAAA AAAAA A h_llo w_rld _ Xllo wörld ñ héllo wörld Z
héllo w llo wörld ñ éllo wörld ñ héllo wörld 
aX aé aEb

### extglob groups with letters of other scripts
shopt -s extglob
x='héllo wörld ñ'
echo "${x//+([éö])/V}" "${x//@(é|ñ)/E}"
[[ éé == *([é]) ]] && echo m1
[[ ÀB == @(À|Á)B ]] && echo m2
--- stdout
hVllo wVrld ñ hEllo wörld E
m1
m2

### case patterns and ranges
case ü in [a-z]) echo r1;; [ü]) echo r2;; esac
case é in [a-zé]) echo m4;; esac
case ö in [à-ÿ]) echo m5;; esac
[[ Ñ == [[:upper:]] ]] && echo m3
--- stdout
r2
m4
m5
m3

### nocasematch folds other letters
shopt -s nocasematch
case ÉCOLE in école) echo m6;; esac
[[ Ñ == [ñ] ]] && echo m7
[[ Ñ == ñ ]] && echo m8
shopt -s extglob
[[ ÀB == *(à)b ]] && echo m9
--- stdout
m6
m7
m8
m9

### bytes that are no character
y=$'a\xffb'; echo "${#y}" "${y//?/.}"
z=$'\xc3x'; echo "${z#?}"
--- stdout
3 ...
x

### pathname expansion
touch ça été; echo ?a ?t? [ç]* *é
--- stdout
ça été ça été
