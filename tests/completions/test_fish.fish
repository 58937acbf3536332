# Loads completions/crm.fish and checks what fish offers for a few lines
# (`complete -C` completes a command line as TAB would).
# Usage: fish test_fish.fish CRM_BINARY COMPLETION_SCRIPT
set -l crm_binary (realpath $argv[1])
set -l script (realpath $argv[2])
set -x PATH (dirname $crm_binary) $PATH
set -l tmp (mktemp -d)
cd $tmp
set -l failures 0

source $script; or begin
    echo "FAIL: sourcing $script"
    set failures (math $failures + 1)
end

# check LINE EXPECTED...: `complete -C LINE` offers exactly EXPECTED (words, in order).
function check -a line
    set -l got (complete -C "$line" | string replace -r '\t.*' '')
    if test "$got" != "$argv[2..-1]"
        echo "FAIL: '$line' offered [$got], expected [$argv[2..-1]]"
        return 1
    end
end

check "crm ca" cache call case; or set failures (math $failures + 1)
check "crm case list --priority " high low normal urgent; or set failures (math $failures + 1)
check "crm --format=j" --format=json; or set failures (math $failures + 1)
check "crm init $tmp" $tmp/; or set failures (math $failures + 1)

cd /
rm -rf $tmp
test $failures -eq 0; or exit 1
echo "fish completion: all checks passed"
