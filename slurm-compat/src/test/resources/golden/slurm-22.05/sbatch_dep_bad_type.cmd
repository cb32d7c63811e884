sbatch -d bogus:1 --wrap=true
