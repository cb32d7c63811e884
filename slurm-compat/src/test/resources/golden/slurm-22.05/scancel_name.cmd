sbatch -H -J byname --wrap=true >/dev/null; scancel --name=byname; sleep 1; squeue -h -t all --name=byname -o '%i %T'
