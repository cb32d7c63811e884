sbatch -d afterok:1, --wrap=true
