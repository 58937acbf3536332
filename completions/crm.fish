# fish completion for crm(1). crm itself answers (`crm __complete WORD...`
# prints "word" or "word<TAB>description" per line), so new commands need no
# change here.

function __crm_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l answer ($tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null)
    switch "$answer[1]"
        case :files :dirs
            # A path, maybe after "--option=".
            set -l option (string match -r -- '^--[^=]*=' "$current")
            set -l path (string replace -r -- '^--[^=]*=' '' "$current")
            if test "$answer[1]" = :dirs
                __fish_complete_directories "$path" | string replace -r -- '^' "$option"
            else
                __fish_complete_path "$path" | string replace -r -- '^' "$option"
            end
        case '*'
            printf '%s\n' $answer
    end
end

complete -c crm -f -a '(__crm_complete)'
