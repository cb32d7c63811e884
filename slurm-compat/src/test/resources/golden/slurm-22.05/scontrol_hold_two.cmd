sbatch -H -J rel2 --wrap=true >/dev/null; sbatch -H -J rel2 --wrap=true >/dev/null; scontrol release $(squeue -h --name=rel2 -o %i | paste -sd, -); squeue -h -t all --name=rel2 -o '%i %T %r'
