sbatch -d afterok:0 --wrap=true
