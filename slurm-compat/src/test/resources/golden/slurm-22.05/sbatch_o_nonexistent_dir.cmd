sbatch -o /nonexistent/out.txt --wrap=true
