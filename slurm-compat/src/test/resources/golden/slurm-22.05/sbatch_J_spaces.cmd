sbatch -H -J 'my job name' --wrap=true
