sbatch -n 1000 --wrap=true
