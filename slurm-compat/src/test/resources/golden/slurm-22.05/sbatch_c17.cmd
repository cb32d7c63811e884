sbatch -c 17 --wrap=true
