#!/usr/bin/env zsh
# Loads completions/_crm the two ways zsh users do (autoloaded from $fpath
# by compinit, and sourced) and checks the candidates it hands to _describe.
# Usage: zsh -f test_zsh.zsh CRM_BINARY COMPLETIONS_DIR
crm_binary=${1:A}
completions=${2:A}
path=(${crm_binary:h} $path)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf $tmp' EXIT
cd $tmp
failures=0
fail() { print -r -- "FAIL: $*"; (( failures++ )) }

fpath=($completions $fpath)
autoload -Uz compinit && compinit -u -d $tmp/zcompdump || fail "compinit"
[[ ${_comps[crm]} == _crm ]] || fail "compinit did not bind crm to _crm (got '${_comps[crm]}')"

# Outside a completion widget, _describe just shows what it was given.
_describe() { print -rl -- "${(@P)${@[-1]}}" }
# offered WORD...: what completing the last WORD of `crm WORD...` hands over.
offered() { words=(crm "$@"); CURRENT=${#words}; _crm 2>&1 }

got=$(offered ca)
[[ $got == $'call:Calls, emails, chats and visits logged with contacts\ncase:Cases: requests routed to a department, handled and closed\ncache:The record cache that keeps listings and reports fast (.crm/cache)' ]] ||
  fail "'crm ca' offered: $got"
got=$(offered case list --priority '')
[[ $got == $'low\nnormal\nhigh\nurgent' ]] || fail "'crm case list --priority' offered: $got"
got=$(offered --format=j)
[[ $got == --format=json ]] || fail "'crm --format=j' offered: $got"

# Sourced after compinit, it registers itself.
unset '_comps[crm]'
unfunction _crm
source $completions/_crm || fail "sourcing _crm"
[[ ${_comps[crm]} == _crm ]] || fail "sourcing did not bind crm to _crm"

(( failures == 0 )) || exit 1
print "zsh completion: all checks passed"
