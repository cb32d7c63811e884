sbatch -d after:1+0 --wrap=true
