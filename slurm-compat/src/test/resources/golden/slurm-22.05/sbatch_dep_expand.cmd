sbatch -d expand:1 --wrap=true
