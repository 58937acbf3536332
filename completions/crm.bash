# bash completion for crm(1). crm itself answers (`crm __complete WORD...`
# prints one candidate per line), so new commands need no change here.

_crm() {
  local cur=${COMP_WORDS[COMP_CWORD]} joined=0 i word prefix="" line
  local -a args=() out=()
  # bash splits "--format=json" at '='; crm wants the option whole.
  for ((i = 1; i <= COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == "=" && ${#args[@]} -gt 0 && ${args[${#args[@]}-1]} == --* ]]; then
      args[${#args[@]}-1]+="="
      joined=1
    elif ((joined)); then
      args[${#args[@]}-1]+=$word
      joined=0
    else
      args+=("$word")
    fi
  done
  [[ $cur == "=" ]] && cur=""
  # The text after '=' is all readline replaces: drop "--option=" from the answers.
  [[ ${args[${#args[@]}-1]} == --*=* ]] && prefix=${args[${#args[@]}-1]%%=*}=

  mapfile -t out < <("$1" __complete "${args[@]}" 2>/dev/null)
  COMPREPLY=()
  case ${out[0]-} in
    :files | :dirs)
      local kind=-f
      [[ ${out[0]} == :dirs ]] && kind=-d
      mapfile -t COMPREPLY < <(compgen "$kind" -- "$cur")
      compopt -o filenames 2>/dev/null
      return 0
      ;;
  esac
  for line in "${out[@]}"; do
    line=${line%%$'\t'*}
    COMPREPLY+=("${line#"$prefix"}")
  done
  return 0
}

complete -F _crm crm
