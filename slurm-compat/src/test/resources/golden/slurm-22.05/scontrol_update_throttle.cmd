j=$(sbatch --parsable -H --array=1-4 --wrap=true)
scontrol update JobId=$j ArrayTaskThrottle=2; echo rc=$?
squeue -h -j $j -o '%i %r' | sed "s/^$j/J/"
scontrol update JobId=$j ArrayTaskThrottle=abc; echo rc=$?
squeue -h -j $j -o '%i' | sed "s/^$j/J/"
scontrol update JobId=$j ArrayTaskThrottle=-1; echo rc=$?
scancel $j
